#!/usr/bin/env python3
"""Drives instance A of bench/cluster.sh as an editor would, and watches instance B.

Signs in as the first Administrator (enrolling the authenticator on the way), publishes an article, edits it,
uploads an image and trashes the article, all through A; after each step it polls B until B shows the change and
reports the delay. Standard library only.

usage: cluster_driver.py A_URL B_URL ADMIN_EMAIL ADMIN_PASSWORD DB_PATH IMAGE_PATH
"""
import base64, hashlib, hmac, http.cookiejar, json, re, sqlite3, struct, sys, time, urllib.error, urllib.parse, urllib.request, uuid

a_url, b_url, email, password, db_path, image_path = sys.argv[1:7]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def request(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with browser.open(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


def token(html, where=""):
    found = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', html)
    if not found:
        raise SystemExit(f"no form token on {where}: {html[:400]}")
    return found.group(1)


def post_form(page_path, action_path, fields):
    status, headers, html = request(a_url + page_path)
    if status != 200:
        raise SystemExit(f"GET {page_path} answered {status} {headers.get('Location', '')}")
    fields = dict(fields, __RequestVerificationToken=token(html, page_path))
    return request(a_url + action_path, urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def totp(key, at=None):
    secret = base64.b32decode(key.replace(" ", "").upper() + "=" * (-len(key.replace(" ", "")) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def wait_on_b(path, check, limit=10.0):
    """Seconds until B's answer for path satisfies check(status, body)."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        try:
            with urllib.request.urlopen(b_url + path, timeout=5) as r:
                status, body = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, b""
        if check(status, body):
            return time.monotonic() - start
        time.sleep(0.02)
    raise SystemExit(f"B did not show {path} within {limit} s")


# Sign in; the first Administrator enrols an authenticator at the first sign-in.
status, headers, _ = post_form("/account/login", "/account/login", {"Email": email, "Password": password, "ReturnUrl": ""})
location = headers.get("Location", "")
if location.startswith("/account/login"):
    raise SystemExit(f"sign-in failed: {status} {location}")
_, _, html = request(a_url + "/account/two-factor/enable")  # key and form token from one page: each visit may make a new key
if "authenticator-key" in html:
    key = re.search(r'id="authenticator-key">([^<]+)<', html).group(1)
    fields = {"Code": totp(key), "__RequestVerificationToken": token(html, "enable")}
    status, _, html = request(a_url + "/account/two-factor/enable", urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "authenticator-key" not in html, f"enrolment answered {status}: {html[:300]}"

report = {}
slug = "cluster-" + uuid.uuid4().hex[:10]
title = "Cluster test " + slug

# Publish through A.
status, headers, body = post_form("/admin/news/create", "/admin/news/create", {
    "Culture": "ru", "Title": title, "Slug": slug, "Summary": "", "Body": "Published on A.", "Version": "0",
    "action": "publish", "Confirmed": "true"})
assert status == 302, f"publish answered {status}: {body[:300]}"
article_id = re.search(r"/admin/news/(\d+)/edit", headers["Location"]).group(1)
report["publish_on_A_to_B_serves_s"] = round(wait_on_b(f"/ru/news/{slug}", lambda s, b: s == 200), 3)

# Edit through A.
_, _, html = request(f"{a_url}/admin/news/{article_id}/edit")
version = re.search(r'name="Version" value="(\d+)"', html).group(1)
status, _, _ = post_form(f"/admin/news/{article_id}/edit", f"/admin/news/{article_id}/edit", {
    "Culture": "ru", "Title": title + " (edited)", "Slug": slug, "Summary": "", "Body": "Edited on A.", "Version": version,
    "action": "publish", "Confirmed": "true"})
assert status == 302, f"edit answered {status}"
report["edit_on_A_to_B_serves_s"] = round(wait_on_b(f"/ru/news/{slug}", lambda s, b: "(edited)".encode() in b), 3)

# Upload through A, read through B.
_, _, html = request(a_url + "/admin/media")
boundary = uuid.uuid4().hex
image = open(image_path, "rb").read()
parts = []
for name, value in (("AltEn", "Cluster upload"), ("Decorative", "false"), ("__RequestVerificationToken", token(html))):
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="File"; filename="cluster.png"\r\nContent-Type: image/png\r\n\r\n'.encode() + image + b"\r\n")
parts.append(f"--{boundary}--\r\n".encode())
status, _, body = request(a_url + "/admin/media/upload", b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"})
assert status == 302, f"upload answered {status}: {body[:300]}"
key, widths = sqlite3.connect(db_path).execute("select StorageKey, VariantWidths from MediaItems order by Id desc limit 1").fetchone()
served = []
for width in widths.split(","):
    for ext in ("webp", "jpg"):
        name = f"{key}-{width}.{ext}"
        # The upload is used by no published item yet, so only staff may see it: the same session, on A and on B.
        status_a, _, _ = request(f"{a_url}/media/{name}")
        status_b, _, _ = request(f"{b_url}/media/{name}")
        served.append(status_a == 200 and status_b == 200)
report["upload_via_A_files_served_by_B"] = f"{sum(served)}/{len(served)}"

# Trash through A.
status, _, _ = post_form(f"/admin/news/{article_id}/delete", f"/admin/news/{article_id}/delete", {})
assert status == 302, f"trash answered {status}"
report["trash_on_A_to_B_404_s"] = round(wait_on_b(f"/ru/news/{slug}", lambda s, b: s == 404), 3)

print(json.dumps(report))
