/**
 * Just enough of a browser for the single sign-on tests over HTTP: a cookie jar (by host and
 * path, as browsers keep them), redirects followed one by one, and HTML forms submitted with
 * their hidden fields.
 */
export interface Page {
  url: string;
  status: number;
  body: string;
  /** Every URL visited on the way, the first one included. */
  visited: string[];
}

interface StoredCookie {
  value: string;
  path: string;
}

/** A cookie jar and a `fetch` that follows redirects the way a browser would. */
export class BrowserLikeClient {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  /** The value of cookie `name` for `host`, if the jar holds it. */
  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name)?.value;
  }

  /** Replaces the value of a cookie (to test tampering). */
  setCookie(host: string, name: string, value: string, path = "/"): void {
    const cookies = this.jar.get(host) ?? new Map<string, StoredCookie>();
    cookies.set(name, { value, path });
    this.jar.set(host, cookies);
  }

  /** Requests `url` and follows redirects until a page answers. */
  async open(
    url: string,
    init: { method?: string; form?: Record<string, string>; stopBefore?: string } = {},
  ): Promise<Page> {
    const visited: string[] = [];
    let current = new URL(url);
    let method = init.method ?? "GET";
    let body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hop = 0; hop < 20; hop += 1) {
      visited.push(current.href);
      const response = await fetch(current, {
        method,
        redirect: "manual",
        headers: {
          cookie: this.cookieHeader(current),
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(body === undefined ? {} : { body }),
      });
      this.store(current, response.headers.getSetCookie());
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        current = new URL(location, current);
        // Hand back a redirect without following it, for a test to alter it first.
        if (init.stopBefore !== undefined && current.href.startsWith(init.stopBefore)) {
          return { url: current.href, status: 0, body: "", visited };
        }
        method = "GET";
        body = undefined;
        continue;
      }
      return { url: current.href, status: response.status, body: await response.text(), visited };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the first form on `page`, with its hidden fields and `fields`. */
  submitForm(page: Page, fields: Record<string, string> = {}, stopBefore?: string): Promise<Page> {
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(page.body);
    if (!form?.[1] || form[2] === undefined)
      throw new Error(`no form on ${page.url}: ${page.body.slice(0, 300)}`);
    const hidden: Record<string, string> = {};
    for (const input of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
      if (input[1] !== undefined) hidden[input[1]] = input[2] ?? "";
    }
    return this.open(new URL(form[1], page.url).href, {
      method: "POST",
      form: { ...hidden, ...fields },
      ...(stopBefore === undefined ? {} : { stopBefore }),
    });
  }

  private cookieHeader(url: URL): string {
    const cookies = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    return [...cookies.entries()]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join("; ");
  }

  private store(url: URL, setCookies: string[]): void {
    const cookies = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const equals = pair.indexOf("=");
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      const attribute = (key: string) =>
        attributes.find((entry) => entry.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attribute("expires");
      const maxAge = attribute("max-age");
      const gone =
        value === "" || maxAge === "0" || (expires !== undefined && new Date(expires).getTime() < Date.now());
      if (gone) cookies.delete(name);
      else cookies.set(name, { value, path: attribute("path") ?? "/" });
    }
    this.jar.set(url.hostname, cookies);
  }
}
