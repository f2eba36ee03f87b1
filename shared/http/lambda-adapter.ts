// The one place a function's hono app meets Lambda. hono marks its built-in `hono/aws-lambda` deprecated in favour of
// the separate `@hono/aws-lambda` package, which the npm registry does not serve yet (checked 2026-12-01: 404); when
// it does, `npm install @hono/aws-lambda` and change the import below, and every function follows.
export { handle } from 'hono/aws-lambda';
