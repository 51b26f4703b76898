import { startRecorder, SIGNING_TOOLS, type RecordSetup } from '../record';
import { UsageError } from '../cli/errors';
import { jsonObjectOption, numberOption, stringOption, type CommandSpec } from '../cli/command';
import { TOOL_IDS, toolIdOf } from '../../model/tools';

const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export const recordCommand: CommandSpec = {
  name: 'record',
  summary: 'Receive webhook deliveries on 127.0.0.1 and save each as a fixture that replay can verify.',
  args: '',
  positionals: { min: 0, max: 0 },
  options: [
    { name: 'port', type: 'string', value: 'N', help: 'port on 127.0.0.1 (0 = any free port)', required: true },
    { name: 'out', type: 'string', value: 'DIR', help: 'folder the fixtures are written to (created if missing)', required: true },
    { name: 'tool', type: 'string', value: 'TOOL', help: `the tool sending: ${TOOL_IDS.join(', ')}`, required: true },
    { name: 'secret', type: 'string', value: 'S', help: 'the shared secret the Zap registered (URL sc_secret, lemlist secret); saved as a stand-in' },
    { name: 'signing-key', type: 'string', value: 'K', help: `the key a signing tool (${SIGNING_TOOLS.join(', ')}) signs with; saved as given` },
    { name: 'subscription', type: 'string', value: 'JSON', help: 'other subscription fields, e.g. \'{"id":"799","campaign_id":"9181"}\'' },
    { name: 'input', type: 'string', value: 'JSON', help: 'the trigger inputs, e.g. \'{"campaign_id":"9181"}\'' },
  ],
  details: [
    'Every delivery is answered 200 and saved with credentials redacted and the exact body bytes kept',
    'unless a secret had to come out (signed tools keep theirs). The fixture has no "expect": replay',
    'shows its events as unchecked until you add what the vendor documents. Give the secret or key',
    'the Zap registered so replay verifies the delivery as the app did; a delivery with a different',
    'secret stays refused. Stops on Ctrl-C / SIGTERM.',
  ],
  examples: [
    'sales-connect record --port 8787 --out recorded/lemlist --tool lemlist --secret "$LEMLIST_HOOK_SECRET"',
    'sales-connect record --port 8788 --out recorded/calendly --tool calendly --signing-key "$CALENDLY_SIGNING_KEY"',
  ],
  async run(_positionals, values, io) {
    const port = numberOption(values, 'port', { min: 0, max: 65535, integer: true });
    const tool = toolIdOf(values.tool);
    if (!tool) throw new UsageError(`--tool must be one of ${TOOL_IDS.join(', ')}; got ${JSON.stringify(values.tool)}`, 'record');
    const signs = SIGNING_TOOLS.includes(tool);
    const setup: RecordSetup = {
      secret: stringOption(values, 'secret'),
      signingKey: stringOption(values, 'signing-key'),
      subscription: jsonObjectOption(values, 'subscription'),
      inputData: jsonObjectOption(values, 'input'),
    };
    if (signs && setup.secret !== undefined) throw new UsageError(`${tool} signs its deliveries: give its key with --signing-key, not --secret`, 'record');
    if (!signs && setup.signingKey !== undefined)
      throw new UsageError(`${tool} signs nothing: give the secret in its webhook URL or body with --secret`, 'record');
    const out = stringOption(values, 'out') as string;
    const onSaved = (path: string, unverifiable: string[]) => {
      io.out(`saved ${path}`);
      // Smartlead's own secret_key is a body secret field too, but not one our subscription holds.
      const ours = unverifiable.filter((field) => field !== 'body secret_key');
      if (ours.length && setup.secret === undefined)
        io.err(`  note: it carries a secret (${ours.join(', ')}) the recorder was not given; start it with --secret so replay verifies it`);
    };
    const server = await startRecorder({ port, out, tool: tool, setup, onSaved });
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    io.out(`recording ${tool} deliveries on http://127.0.0.1:${actual}/ into ${out} (Ctrl-C to stop)`);
    await untilSignal();
    await new Promise((resolve) => server.close(resolve));
    return 0;
  },
};
