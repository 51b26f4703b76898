import { replaySuite } from './support/replaySuite';

replaySuite('salesloft');
