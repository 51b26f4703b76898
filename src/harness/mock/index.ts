import type { ToolMock } from './types';
import { smartleadMock } from './smartlead';
import { lemlistMock } from './lemlist';
import { replyioMock } from './replyio';
import { apolloMock } from './apollo';
import { salesloftMock } from './salesloft';
import { calendlyMock } from './calendly';
import { mixmaxMock } from './mixmax';

/** Every tool mock; `sales-connect mock` serves them all (or one with --tool). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const MOCKS: ToolMock<any>[] = [smartleadMock, lemlistMock, replyioMock, apolloMock, salesloftMock, calendlyMock, mixmaxMock];
