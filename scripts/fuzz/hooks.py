"""Schemathesis hooks of the fuzzing gate (scripts/fuzz-api.sh).

Public forms and sign-in are throttled per client address (429 with Retry-After, documented on
those operations). From one address the fuzzer would spend the quota within a few requests and
then see only 429s, which the checks accept: every later case would test nothing. The server of
the gate trusts X-Forwarded-For from 127.0.0.1 (INTERRA_TRUSTED_PROXIES), and each request comes
"from" its own address in 198.18.0.0/15 (reserved for benchmarks), so every case reaches the
validation it is meant to test. The throttling itself is tested in api/tests. Only the throttled
operations get the header: the checks that drop a header (a missing Authorization must be a 401)
need the other requests as generated.
"""

import itertools
import threading

import schemathesis

_lock = threading.Lock()
_counter = itertools.count(1)


def _next_address() -> str:
    with _lock:
        n = next(_counter) % (2 * 65536 - 2) + 1
    return f"198.{18 + n // 65536}.{(n // 256) % 256}.{n % 256}"


# Operations throttled per client address (their 429 is documented).
THROTTLED = {
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/public/signup"),
    ("POST", "/api/v1/public/events/{id}/register"),
}


@schemathesis.hook
def before_call(context, case, kwargs):
    if (case.method.upper(), case.operation.path) not in THROTTLED:
        return
    if case.headers is None:
        case.headers = {}
    case.headers["X-Forwarded-For"] = _next_address()
