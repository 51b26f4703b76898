import { replaySuite } from './support/replaySuite';

replaySuite('calendly');
