import { replaySuite } from './support/replaySuite';

replaySuite('woodpecker');
