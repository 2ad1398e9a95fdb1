// Which media types read as text, so their body is shown as text rather than as a byte sample.
// RFC 9110 section 8.3.1 names the type; the list of textual ones is convention.
const TEXTUAL = [/^text\//, /\+(json|xml)$/, /^application\/(json|xml|javascript|x-www-form-urlencoded|ecmascript)$/, /^image\/svg\+xml$/];

export function isTextual(mediaType: string): boolean {
  return TEXTUAL.some((re) => re.test(mediaType));
}
