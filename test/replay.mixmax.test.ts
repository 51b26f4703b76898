import { replaySuite } from './support/replaySuite';

replaySuite('mixmax');
