"""gunicorn settings for the portal (`gunicorn -c deploy/gunicorn.conf.py config.wsgi`; the Procfile uses it).

The application, with its URLs, translations, compiled templates, jieba's dictionary (about 60 MB) and OpenCC's
tables (config/wsgi.py, core/web/warmup.py), is loaded once in the master and shared by the workers it forks,
instead of once per worker in its first requests. gc.freeze() keeps the collector from touching, and so
copying, those shared pages. The master opens no database connection: each worker opens its own.
"""

import gc
import os

bind = f"127.0.0.1:{os.environ.get('SERVE_PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", "3"))
preload_app = True
accesslog = "-"
timeout = 30


def when_ready(server):
    gc.collect()
    gc.freeze()


def child_exit(server, worker):
    """With PROMETHEUS_MULTIPROC_DIR set (a directory emptied before gunicorn starts), /metrics adds up every
    worker's counts; a worker that ended stops counting in its live gauges."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
