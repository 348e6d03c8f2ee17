/** Who a request runs as, once the auth module has recognised its credential. */
export interface User {
  readonly id: string;
  readonly roles: readonly string[];
}
