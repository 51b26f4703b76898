import { advise, adviceText, resolveTool } from '../advise/advise';
import { KNOWN_TOOLS } from '../advise/native';
import { UsageError } from '../cli/errors';
import type { CommandSpec } from '../cli/command';

const known = () => Object.keys(KNOWN_TOOLS).join(', ');

export const adviseCommand: CommandSpec = {
  name: 'advise',
  summary: 'Native integration first: does one cover <source> → <destination>, and what Sales Connect adds.',
  args: '<source> <destination>',
  positionals: { min: 2, max: 2 },
  options: [{ name: 'json', type: 'boolean', help: 'the answer as one JSON object' }],
  details: [
    "The first rule of sales integrations: if the tools' own integration covers the use case, use it",
    '(it handles auth, retries and errors); add Zaps only for a trigger or action it lacks.',
    "Facts: src/harness/advise/native.ts (re-check a row on the vendor's site before relying on it).",
    `Known names: ${Object.keys(KNOWN_TOOLS).join(', ')}.`,
  ],
  examples: ['sales-connect advise smartlead salesforce', 'sales-connect advise apollo hubspot --json', 'sales-connect advise yesware hubspot'],
  async run(positionals, values, io) {
    const [source, destination] = positionals.map((name) => {
      const id = resolveTool(name);
      if (!id) throw new UsageError(`unknown tool ${JSON.stringify(name)}; known: ${known()}`, 'advise');
      return id;
    }) as [string, string];
    if (source === destination) throw new UsageError(`source and destination are the same tool (${source})`, 'advise');
    const answer = advise(source, destination);
    if (values.json) io.out(JSON.stringify(answer));
    else for (const line of adviceText(answer)) io.out(line);
    return 0;
  },
};
