import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputFieldsOf, renderOutputFieldsModule } from '../scripts/output-fields';
import { PublishedEvent } from '../src/model/published';

/** Zapier's output fields are the published schemas: the generated module cannot drift from them. */
describe('output fields', () => {
  it('src/app/outputFields.ts equals what the schemas render (run `npm run generate` after a schema change)', () => {
    expect(readFileSync(join(__dirname, '..', 'src', 'app', 'outputFields.ts'), 'utf8')).toBe(renderOutputFieldsModule());
  });

  it('labels compose from schema metadata the way recipes name them', () => {
    const fields = Object.fromEntries(outputFieldsOf(PublishedEvent).map((f) => [f.key, f]));
    expect(fields.lead__email).toEqual({ key: 'lead__email', label: 'Lead Email', type: 'string' });
    expect(fields.message__text?.label).toBe('Message Text');
    expect(fields.occurred_at).toEqual({ key: 'occurred_at', label: 'Occurred At', type: 'datetime' });
    expect(fields.meeting__rescheduled?.type).toBe('boolean');
    expect(fields.lead__url?.label).toBe('Lead URL in Tool');
    expect(fields.raw).toBeUndefined();
  });
});
