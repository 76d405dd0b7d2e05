/**
 * lz-string's `decompressFromEncodedURIComponent`, with a ceiling on the output.
 *
 * lz-string's format lets each code stand for a string one longer than the previous one, so the
 * output can grow quadratically with the input: a 15 KB link can inflate to tens of millions of
 * characters and freeze the tab before we could check its size. This port of lz-string 1.5's
 * `_decompress` (same bit layout, same results) stops as soon as the output passes `maxChars`.
 */

/** lz-string's URI-safe alphabet; a character's index is its 6-bit value. */
const URI_SAFE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
const BITS_PER_CHAR = 6;
const CHAR_VALUES: ReadonlyMap<string, number> = new Map([...URI_SAFE_ALPHABET].map((ch, i) => [ch, i]));

/** Bit codes of lz-string's stream: a literal 8-bit char, a literal 16-bit char, end of stream. */
const CODE_CHAR8 = 0;
const CODE_CHAR16 = 1;
const CODE_END = 2;

export type BoundedDecompressResult =
  | { readonly kind: "ok"; readonly text: string }
  | { readonly kind: "corrupt" }
  | { readonly kind: "tooLarge" };

/** True when every character belongs to lz-string's URI-safe alphabet (a space stands for "+"). */
export function isUriSafeLzString(input: string): boolean {
  return /^[A-Za-z0-9+\-$ ]*$/.test(input);
}

/**
 * Decodes `input` (from `compressToEncodedURIComponent`), or says why it cannot: `corrupt` for a
 * stream lz-string would decode to "" or null, `tooLarge` once the text would exceed `maxChars`.
 */
export function decompressUriSafeBounded(input: string, maxChars: number): BoundedDecompressResult {
  const packed = input.replace(/ /g, "+");
  if (packed.length === 0) return { kind: "corrupt" };

  let charIndex = 0;
  let value = 0;
  let mask = 0;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      if (mask === 0) {
        // Past the end, lz-string reads zeros; we do the same so results match bit for bit.
        value = CHAR_VALUES.get(packed.charAt(charIndex)) ?? 0;
        charIndex++;
        mask = 1 << (BITS_PER_CHAR - 1);
      }
      if ((value & mask) !== 0) bits |= 1 << power;
      mask >>= 1;
    }
    return bits;
  };
  /**
   * lz-string gives up (returns "") once it has loaded more characters than the input holds; it
   * loads the next character eagerly, right after using the last bit of the current one.
   */
  const exhausted = (): boolean => charIndex + (mask === 0 ? 1 : 0) > packed.length;

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;

  const first = readBits(2);
  let w: string;
  if (first === CODE_CHAR8) w = String.fromCharCode(readBits(8));
  else if (first === CODE_CHAR16) w = String.fromCharCode(readBits(16));
  else if (first === CODE_END) return { kind: "ok", text: "" };
  else return { kind: "corrupt" };
  dictionary[3] = w;

  const parts: string[] = [w];
  let totalChars = w.length;

  for (;;) {
    if (exhausted()) return { kind: "corrupt" };
    let code = readBits(numBits);
    if (code === CODE_CHAR8 || code === CODE_CHAR16) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === CODE_CHAR8 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === CODE_END) {
      return { kind: "ok", text: parts.join("") };
    }

    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }

    let entry: string;
    const known = dictionary[code];
    if (known !== undefined && known !== "") entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return { kind: "corrupt" };

    totalChars += entry.length;
    if (totalChars > maxChars) return { kind: "tooLarge" };
    parts.push(entry);

    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;

    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
