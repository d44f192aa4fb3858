/**
 * FNV-1a, 32 bits, as 8 lower-case hex digits. A stable short suffix for names that had to
 * be shortened: rules import only the rule API, so no crypto module; collisions only need
 * to be unlikely among the jobs of one namespace, not resistant to attack.
 * (http://www.isthe.com/chongo/tech/comp/fnv/ "FNV-1a")
 */
export function fnv1a32Hex(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
