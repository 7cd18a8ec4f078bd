/**
 * The one error the URL code throws: list data (a bundle or a serialised lookup) that cannot be
 * read. Detection is a library with no HTTP layer, so it carries a stable `id` for the platform
 * error table (`url_list_invalid`) instead of depending on it.
 */
export class UrlListFormatError extends Error {
  readonly id = "url_list_invalid";

  constructor(message: string) {
    super(message);
    this.name = "UrlListFormatError";
  }
}
