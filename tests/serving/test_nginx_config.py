"""deploy/nginx.conf is one template for production and ``make stack``; rendering it fills
every placeholder from the environment, and nginx accepts the result."""

import importlib.util
import subprocess

import pytest

from tests.serving.live_servers import ROOT, nginx_binary

spec = importlib.util.spec_from_file_location("render_nginx", ROOT / "deploy" / "render_nginx.py")
render_nginx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(render_nginx)

PRODUCTION = {
    "NGINX_APP_SERVERS": "10.0.0.11:8000 10.0.0.12:8000",
    "NGINX_STATIC_ROOT": "/srv/opinion/staticfiles",
    "NGINX_MEDIA_ROOT": "/srv/opinion/media",
    "NGINX_CACHE_DIR": "/var/cache/nginx/opinion",
    "NGINX_SERVER_NAME": "opinion.example",
    "NGINX_TLS_CERTIFICATE": "/etc/ssl/opinion.example/fullchain.pem",
    "NGINX_TLS_CERTIFICATE_KEY": "/etc/ssl/opinion.example/privkey.pem",
}


def test_production_gets_tls_a_redirect_and_every_app_server():
    conf = render_nginx.render(PRODUCTION)

    assert not render_nginx.PLACEHOLDER.search(conf)
    assert "listen 443 ssl;" in conf and "listen 80;" in conf
    assert "ssl_certificate     /etc/ssl/opinion.example/fullchain.pem;" in conf
    assert "server 10.0.0.11:8000 max_fails=3" in conf and "server 10.0.0.12:8000" in conf
    assert "alias /srv/opinion/staticfiles/;" in conf


def test_without_a_certificate_there_is_no_tls_and_no_redirect():
    environ = {key: value for key, value in PRODUCTION.items() if "TLS" not in key}

    conf = render_nginx.render({**environ, "NGINX_LISTEN": "127.0.0.1:8000"})

    assert "ssl" not in conf and "return 301" not in conf
    assert "listen 127.0.0.1:8000;" in conf
    # The rules that keep private pages out of the micro-cache are the same file's.
    assert "proxy_no_cache $opinion_no_cache $http_authorization $opinion_private_response;" in conf


@pytest.mark.parametrize("missing", ["NGINX_APP_SERVERS", "NGINX_STATIC_ROOT", "NGINX_CACHE_DIR"])
def test_a_missing_setting_is_named(missing):
    environ = {key: value for key, value in PRODUCTION.items() if key != missing}
    with pytest.raises(SystemExit, match=missing):
        render_nginx.render(environ)


def test_nginx_accepts_the_standalone_configuration(tmp_path):
    binary = nginx_binary()
    environ = {key: value for key, value in PRODUCTION.items() if "TLS" not in key}
    environ |= {"NGINX_LISTEN": "127.0.0.1:8000", "NGINX_CACHE_DIR": str(tmp_path / "cache")}
    conf = render_nginx.standalone(tmp_path, render_nginx.render(environ))

    checked = subprocess.run(
        [
            binary,
            "-t",
            "-p",
            str(tmp_path),
            "-c",
            str(conf),
            "-e",
            str(tmp_path / "logs/error.log"),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
