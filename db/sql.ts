// Quoting for the few places where SQL text is built from declared code (column names, code
// lists, file paths in DDL): values from a request never come here — they are bound parameters.

/** Quotes an identifier that comes from declared (allow-listed) code, never from a request. */
export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`refusing unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** A string literal, for positions where DuckDB takes no parameter (DDL, file paths, constant maps). */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A list literal of strings: `['a', 'b']`. */
export function list(items: readonly string[]): string {
  return `[${items.map(literal).join(', ')}]`;
}
