/** Line breaks as a textarea's value has them (LF): texts saved through a form may carry CRLF. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
