import { replaySuite } from './support/replaySuite';

replaySuite('smartlead');
