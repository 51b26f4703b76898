import { replaySuite } from './support/replaySuite';

replaySuite('replyio');
