#!/usr/bin/env python3
"""A stand-in for the Lambda Runtime API, enough to time the JVM function locally.

Serves the events given on the command line, one per GET .../invocation/next, records when each answer
(or error) arrives, prints one JSON line of timings per event and exits when all are answered.

usage: runtime_api.py PORT EVENT.json [EVENT.json ...]   (start it before the function's JVM)
"""
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
EVENTS = [open(path, "rb").read() for path in sys.argv[2:]]
STARTED = time.monotonic()
state = {"next": 0, "sent": {}, "done": 0}
lock = threading.Lock()
finished = threading.Event()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.path.endswith("/invocation/next"):
            self.send_error(404)
            return
        with lock:
            index = state["next"]
            state["next"] += 1
        if index >= len(EVENTS):
            finished.wait()
            time.sleep(3600)
            return
        request_id = str(uuid.uuid4())
        with lock:
            state["sent"][request_id] = (index, time.monotonic())
        body = EVENTS[index]
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 300_000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                         "arn:aws:lambda:eu-west-1:123456789012:function:callaudit-bench")
        self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        payload = self.rfile.read(length).decode("utf-8", "replace")
        now = time.monotonic()
        parts = self.path.split("/")
        if "invocation" in parts:
            request_id = parts[parts.index("invocation") + 1]
            index, sent = state["sent"][request_id]
            print(json.dumps({
                "event": index,
                "outcome": parts[-1],
                "since_jvm_start_ms": round((now - STARTED) * 1000),
                "first_poll_ms": round((state["first_poll"] - STARTED) * 1000),
                "invocation_ms": round((now - sent) * 1000),
                "payload": payload[:300],
            }), flush=True)
            with lock:
                state["done"] += 1
                if state["done"] == len(EVENTS):
                    finished.set()
        else:
            print(json.dumps({"outcome": "init-error", "payload": payload[:300]}), flush=True)
            finished.set()
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Server(ThreadingHTTPServer):
    daemon_threads = True


def first_poll_tracker(handler_class):
    original = handler_class.do_GET

    def do_get(self):
        state.setdefault("first_poll", time.monotonic())
        original(self)

    handler_class.do_GET = do_get
    return handler_class


server = Server(("127.0.0.1", PORT), first_poll_tracker(Handler))
threading.Thread(target=server.serve_forever, daemon=True).start()
# The caller starts the JVM right after this line is printed; times are measured from here.
print(json.dumps({"ready": PORT}), flush=True)
STARTED = time.monotonic()
finished.wait()
server.shutdown()
