"""A careless server for tests: a proxy in front of a real `confwatch sim` that answers chosen requests
with an error echoing what it was sent — the Authorization header, the credentials it decodes to, the
token alone, the form — as a badly written server or proxy might. Everything else goes through."""
import base64
import http.server
import json
import threading
import urllib.error
import urllib.request


class HostileEcho:
    """`echo(method, path_part, shape)` picks what is answered with an echo: a Twilio-shaped 400
    (shape "json") or a proxy's 502 HTML page (shape "html")."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.rules = []
        self.echoed = 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                proxy.handle(self)

            do_POST = do_DELETE = do_PUT = do_GET

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def echo(self, method, path_part, shape="json"):
        self.rules.append((method, path_part, shape))

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def handle(self, request):
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        rule = next((r for r in self.rules if r[0] == request.command and r[1] in request.path), None)
        if rule is None:
            return self.forward(request, body)
        self.echoed += 1
        authorization = request.headers.get("Authorization", "")
        decoded = base64.b64decode(authorization.split(" ", 1)[-1]).decode(errors="replace")
        token = decoded.split(":", 1)[-1]
        said = (f"Authorization {authorization} is not allowed here; you sent {decoded}; the token {token} "
                f"and {base64.b64encode(decoded.encode()).decode()} are logged; form {body.decode(errors='replace')}")
        if rule[2] == "json":
            answer = json.dumps({"code": 21210, "message": said, "status": 400,
                                 "more_info": f"https://www.twilio.com/docs/errors/21210?token={token}"}).encode()
            self.reply(request, 400, "application/json", answer)
        else:
            self.reply(request, 502, "text/html", f"<html><body>Bad gateway: {said}</body></html>".encode())

    def forward(self, request, body):
        outbound = urllib.request.Request(self.upstream + request.path, data=body or None, method=request.command)
        for name in ("Authorization", "Content-Type", "Accept", "User-Agent"):
            if request.headers.get(name):
                outbound.add_header(name, request.headers[name])
        try:
            with urllib.request.urlopen(outbound, timeout=30) as answer:
                self.reply(request, answer.status, answer.headers.get("Content-Type", ""), answer.read())
        except urllib.error.HTTPError as error:
            self.reply(request, error.code, error.headers.get("Content-Type", ""), error.read())

    @staticmethod
    def reply(request, status, content_type, body):
        request.send_response(status)
        if content_type:
            request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(body)
