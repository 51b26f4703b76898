import type { ToolMock } from './types';
import { smartleadMock } from './smartlead';

/** Every tool mock; `sales-connect mock` serves them all (or one with --tool). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const MOCKS: ToolMock<any>[] = [smartleadMock];
