import { replaySuite } from './support/replaySuite';

replaySuite('mailshake');
