import { replaySuite } from './support/replaySuite';

replaySuite('lemlist');
