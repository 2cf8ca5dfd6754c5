/** The host part of a site address, for messages; the address itself when it does not parse. */
export function siteHost(site: string): string {
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
}
