import { describe, expect, it } from 'vitest';
import { AFTER_HEADER_BYTES, headBytesWanted, headerLength, headerTooLong, MAX_HEADER_BYTES } from '../../../core/files/header-limit.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('how much of a file is read for its header', () => {
  it('finds the first line end, LF, CRLF or CR alone', () => {
    expect(headerLength(bytes('a,b\nc,d\n'))).toBe(3);
    expect(headerLength(bytes('a,b\r\nc,d\r\n'))).toBe(3);
    expect(headerLength(bytes('a,b\rc,d\r'))).toBe(3);
    expect(headerLength(bytes('a,b'))).toBe(-1);
  });

  it('wants the header row and 64 KB more, or up to the cap while no line end has been read', () => {
    const header = 'h,'.repeat(40_000);
    expect(headBytesWanted(bytes(`${header}\nrow`))).toBe(header.length + 1 + AFTER_HEADER_BYTES);
    expect(headBytesWanted(bytes(header))).toBe(MAX_HEADER_BYTES + 1);
  });

  it('calls a first line too long only past 1 MiB', () => {
    expect(headerTooLong(new Uint8Array(MAX_HEADER_BYTES + 1).fill(0x61))).toBe(true);
    expect(headerTooLong(new Uint8Array(MAX_HEADER_BYTES).fill(0x61))).toBe(false); // a whole file of one line: header only
    const atCap = new Uint8Array(MAX_HEADER_BYTES + 10).fill(0x61);
    atCap[MAX_HEADER_BYTES] = 0x0a;
    expect(headerTooLong(atCap)).toBe(false);
  });
});
