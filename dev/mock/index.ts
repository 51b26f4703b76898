import type { ToolMock } from './types';
import { smartleadMock } from './smartlead';
import { woodpeckerMock } from './woodpecker';
import { mailshakeMock } from './mailshake';
import { lemlistMock } from './lemlist';
import { calendlyMock } from './calendly';
import { mixmaxMock } from './mixmax';
import { replyioMock } from './replyio';
import { salesloftMock } from './salesloft';
import { apolloMock } from './apollo';

/** Every tool mock; `sales-connect mock` serves them all (or one with --tool). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const MOCKS: ToolMock<any>[] = [
  smartleadMock,
  woodpeckerMock,
  mailshakeMock,
  lemlistMock,
  calendlyMock,
  mixmaxMock,
  replyioMock,
  salesloftMock,
  apolloMock,
];
