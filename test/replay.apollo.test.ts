import { replaySuite } from './support/replaySuite';

replaySuite('apollo');
