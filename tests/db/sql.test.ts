// db/sql.ts: the quoting used where SQL text is built from declared code. A hostile identifier
// is refused rather than quoted; a literal survives any text, checked by running it in DuckDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { ident, list, literal } from '../../db/sql.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('ident', () => {
  it('quotes a declared column name', () => {
    expect(ident('appointment_date')).toBe('"appointment_date"');
    expect(ident('_x9')).toBe('"_x9"');
  });

  it.each([
    ['a quote that would close the identifier', 'x" ; DROP TABLE users; --'],
    ['a space', 'patient id'],
    ['a semicolon', 'a;b'],
    ['a leading digit', '1st'],
    ['a dot that would reach another schema', 'main.users'],
    ['an empty name', ''],
    ['a non-ASCII letter', 'ethnicité'],
    ['a newline', 'a\nb'],
  ])('refuses a name with %s', (_what, name) => {
    expect(() => ident(name)).toThrow(/refusing unsafe identifier/);
  });
});

describe('literal and list', () => {
  it.each([
    ['plain text', 'Cardiology'],
    ['an apostrophe', "O'Brien"],
    ['an attempt to break out', "x'); DROP TABLE users; --"],
    ['doubled quotes and a backslash', "''\\''"],
    ['a newline and unicode', 'line one\nligne deux – ✓'],
  ])('round-trips %s through DuckDB unchanged', async (_what, text) => {
    expect(await db.all(`SELECT ${literal(text)} AS v`)).toEqual([{ v: text }]);
  });

  it('builds a list literal DuckDB reads back item by item', async () => {
    const items = ['11', "it's", 'a, b'];
    expect(list(items)).toBe(`['11', 'it''s', 'a, b']`);
    expect(await db.all(`SELECT ${list(items)} AS v`)).toEqual([{ v: items }]);
  });
});
