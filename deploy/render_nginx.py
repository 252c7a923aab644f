"""Render deploy/nginx.conf for this machine from the environment.

    NGINX_APP_SERVERS="10.0.0.11:8000 10.0.0.12:8000" NGINX_STATIC_ROOT=/srv/opinion/staticfiles \\
    NGINX_MEDIA_ROOT=/srv/opinion/media NGINX_CACHE_DIR=/var/cache/nginx/opinion \\
    NGINX_SERVER_NAME=opinion.example NGINX_TLS_CERTIFICATE=/etc/ssl/.../fullchain.pem \\
    NGINX_TLS_CERTIFICATE_KEY=/etc/ssl/.../privkey.pem \\
    python deploy/render_nginx.py > /etc/nginx/conf.d/opinion.conf

With ``--standalone RUN_DIR`` it also writes a whole nginx configuration into RUN_DIR
(its own pid file, logs and temporary folders), for a master run by a user without
touching the system's nginx: ``nginx -p RUN_DIR -c RUN_DIR/nginx.conf``. ``make stack``
and the serving tests use that form; the site part is the same file production uses.
"""

import os
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf"
PLACEHOLDER = re.compile(r"\$\{(NGINX_[A-Z_]+)\}")
MIME_TYPES = "/etc/nginx/mime.types"


def values(environ):
    """The placeholders' values; NGINX_LISTEN defaults to 443 with TLS and to 80 without."""
    tls = bool(environ.get("NGINX_TLS_CERTIFICATE"))
    servers = environ.get("NGINX_APP_SERVERS", "").split()
    if not servers:
        raise SystemExit("NGINX_APP_SERVERS is empty: name at least one app server (host:port).")
    filled = {
        "NGINX_UPSTREAM_SERVERS": "\n".join(
            f"    server {server} max_fails=3 fail_timeout=10s;" for server in servers
        ),
        "NGINX_LISTEN": environ.get("NGINX_LISTEN") or ("443 ssl" if tls else "80"),
        "NGINX_SERVER_NAME": environ.get("NGINX_SERVER_NAME") or "_",
    }
    for name in ("NGINX_STATIC_ROOT", "NGINX_MEDIA_ROOT", "NGINX_CACHE_DIR"):
        filled[name] = str(Path(environ.get(name) or _missing(name)).resolve())
    if tls:
        filled["NGINX_TLS_CERTIFICATE"] = environ["NGINX_TLS_CERTIFICATE"]
        key = environ.get("NGINX_TLS_CERTIFICATE_KEY") or _missing("NGINX_TLS_CERTIFICATE_KEY")
        filled["NGINX_TLS_CERTIFICATE_KEY"] = key
    return filled, tls


def _missing(name):
    raise SystemExit(f"{name} is not set (see deploy/render_nginx.py).")


def render(environ, template=None):
    """The site configuration: placeholders filled, TLS-only lines kept only with TLS."""
    filled, tls = values(environ)
    kept, keeping = [], True
    for line in (template or TEMPLATE.read_text()).splitlines():
        if line.strip() == "#if tls":
            keeping = tls
        elif line.strip() == "#endif":
            keeping = True
        elif keeping:
            kept.append(line)
    text = "\n".join(kept) + "\n"
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in filled})
    if unknown:
        raise SystemExit(f"No value for {', '.join(unknown)} (see deploy/render_nginx.py).")
    return PLACEHOLDER.sub(lambda match: filled[match[1]], text)


def standalone(run_dir, site, workers=None):
    """A complete nginx.conf for a non-daemon master whose files all live in run_dir."""
    workers = workers or os.environ.get("NGINX_WORKER_PROCESSES") or "auto"
    run = Path(run_dir).resolve()
    for folder in ("logs", "temp/client", "temp/proxy", "temp/fastcgi", "temp/uwsgi", "temp/scgi"):
        (run / folder).mkdir(parents=True, exist_ok=True)
    (run / "opinion.conf").write_text(site)
    # Workers of a root master would run as "nobody", who may not read a private folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (run / "nginx.conf").write_text(
        f"""# Written by deploy/render_nginx.py --standalone; the site is in opinion.conf.
{user}worker_processes {workers};
pid {run}/nginx.pid;
error_log {run}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {run}/logs/access.log;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {run}/temp/client;
    proxy_temp_path {run}/temp/proxy;
    fastcgi_temp_path {run}/temp/fastcgi;
    uwsgi_temp_path {run}/temp/uwsgi;
    scgi_temp_path {run}/temp/scgi;
    include {run}/opinion.conf;
}}
"""
    )
    return run / "nginx.conf"


def main(argv):
    site = render(os.environ)
    if len(argv) == 2 and argv[0] == "--standalone":
        print(standalone(argv[1], site))
    elif not argv:
        sys.stdout.write(site)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
