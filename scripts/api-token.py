#!/usr/bin/env python3
"""Makes a personal API token as a person would, on the account page, and prints it.

Usage: scripts/api-token.py BASE_URL EMAIL PASSWORD SCOPE[,SCOPE…] [TOTP_KEY]
Signs in (with a two-step code of TOTP_KEY when the account asks for one), posts the token
form with the scopes ticked, and reads the token from the answer (it is shown once).
Standard library only: used by scripts/api-fuzz.sh and the curl session in docs/API.md."""
import html.parser
import http.cookiejar
import importlib.util
import pathlib
import sys
import time
import urllib.parse
import urllib.request


class Inputs(html.parser.HTMLParser):
    """The value of every <input> by name (and by id)."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            a = dict(attrs)
            for key in (a.get("name"), a.get("id")):
                if key:
                    self.values.setdefault(key, a.get("value") or "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    base, email, password, scopes = sys.argv[1:5]
    key = sys.argv[5] if len(sys.argv) > 5 else None
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def fetch(path, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with opener.open(base + path, data=data) as r:
                return r.status, r.headers.get("Location"), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Location"), e.read().decode()

    def inputs(body):
        p = Inputs()
        p.feed(body)
        return p.values

    def post(page, action, fields):
        token = inputs(fetch(page)[2]).get("_csrf", "")
        return fetch(action, {**fields, "_csrf": token})

    status, location, _ = post("/login", "/login", {"email": email, "password": password})
    if status != 303:
        sys.exit(f"signing in as {email} answered {status}")
    if location == "/login/two-step":
        if not key:
            sys.exit(f"{email} needs a two-step code: give the TOTP key")
        spec = importlib.util.spec_from_loader("totp", loader=None)
        totp = importlib.util.module_from_spec(spec)
        exec(pathlib.Path(__file__).with_name("totp-code").read_text(), totp.__dict__)
        status, _, _ = post("/login/two-step", "/login/two-step", {"code": totp.code(key, time.time())})
        if status != 303:
            sys.exit(f"the two-step code of {email} answered {status}")
    fields = {"name": "api-fuzz " + time.strftime("%H:%M:%S"), "days": "30"}
    fields.update({f"scope_{s}": "yes" for s in scopes.split(",") if s})
    status, _, body = post("/account/api-tokens", "/account/api-tokens", fields)
    token = inputs(body).get("fresh-token")
    if status != 200 or not token:
        sys.exit(f"making a token answered {status}")
    print(token)


if __name__ == "__main__":
    main()
