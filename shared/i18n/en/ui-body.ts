// English words of the body preview (ui.body): a message's content as the application sees it.
/** A message's body as the application sees it: framing off, content codings undone. */
export const body = {
  heading: 'Body',
  none: 'No body.',
  summary_one: '{{count}} byte of {{type}}',
  summary_other: '{{count}} bytes of {{type}}',
  unknownType: 'unknown type (no Content-Type)',
  dechunked: 'chunked framing taken off: the chunk sizes and CRLFs are not content',
  decoded_one: '{{codings}} undone: {{count}} byte decoded',
  decoded_other: '{{codings}} undone: {{count}} bytes decoded',
  decoding: 'Decoding {{codings}}…',
  unsupported: 'This browser cannot undo the {{coding}} coding, so only the raw bytes are shown.',
  corrupt: 'These bytes are not valid {{coding}}: the Content-Encoding header says something the body does not.',
  incomplete: 'The body has not all arrived (or was not kept in memory): what is here is shown.',
  image: 'The image, as a browser would show it ({{type}})',
  imageFailed: 'The bytes do not make an image of type {{type}}.',
  binary_one: 'Not text: the first {{count}} byte is shown with each byte that is not text as a badge.',
  binary_other: 'Not text: the first {{count}} bytes are shown with each byte that is not text as a badge.',
  truncated_one: 'The first {{shown}} of {{count}} byte are shown.',
  truncated_other: 'The first {{shown}} of {{count}} bytes are shown.',
} as const;
