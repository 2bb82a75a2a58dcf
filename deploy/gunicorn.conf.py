"""gunicorn settings for an app server (docs/operations.md): gunicorn -c deploy/gunicorn.conf.py.

The environment decides what differs between servers: GUNICORN_BIND (default 127.0.0.1:8000) and
WEB_CONCURRENCY (worker processes; default two per CPU core plus one)."""

import multiprocessing
import os

wsgi_app = "innovation.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request slower than this is killed (the proxy's proxy_read_timeout is the same 60 s).
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
# Only the local proxy may tell gunicorn the scheme; Django reads X-Forwarded-* itself.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Django writes one JSON access line per request (core/middleware.py); gunicorn's own is off.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
