/**
 * Driver for the Python clients of OpenAPI Generator and Swagger Codegen (urllib3-based, one `XxxApi` class per tag).
 *   python3 driver.py input.json output.json      (PYTHONPATH = the generated project)
 * input:  { package, baseUrl, headers, timeoutMs, calls: [{ operationId, container, symbol, kwargs }] }
 * output: [{ operationId, outcome, status?, decoded?, error?, ms }]
 * Calls `<symbol>_with_http_info(**kwargs)` to get the status; handles both the legacy (data, status, headers) tuple
 * and the ApiResponse object of newer OpenAPI Generator versions.
 */
// @ts-nocheck

export const PYTHON_DRIVER = String.raw`import base64
import importlib
import json
import sys
import time

with open(sys.argv[1], encoding="utf-8") as handle:
    spec = json.load(handle)
output_file = sys.argv[2]


def one_line(text):
    return " ".join(line.strip() for line in str(text).splitlines() if line.strip())[:1000]


def error_line(error):
    return one_line(type(error).__name__ + ": " + str(error))


results = []
try:
    package = importlib.import_module(spec["package"])
    configuration = package.Configuration()
    configuration.host = spec["baseUrl"].rstrip("/")
    # HTTP basic credentials also go where the client's own auth settings read them: Swagger Codegen's clients
    # replace a default Authorization header on every operation with security by their (empty) username:password.
    for name, value in spec["headers"].items():
        scheme, _, token = value.partition(" ")
        if name.lower() == "authorization" and scheme.lower() == "basic" and hasattr(configuration, "username"):
            try:
                user, _, password = base64.b64decode(token.strip(), validate=True).decode("utf-8").partition(":")
            except ValueError:  # not base64 or not UTF-8: the header alone goes out, as sent
                continue
            configuration.username, configuration.password = user, password
    client = package.ApiClient(configuration)
    for name, value in spec["headers"].items():
        client.set_default_header(name, value)
except Exception as error:  # noqa: BLE001 - every call fails the same way
    results = [{"operationId": c["operationId"], "outcome": "client-error", "error": "client setup failed: " + error_line(error)} for c in spec["calls"]]
    client = None

apis = {}
if client is not None:
    for call in spec["calls"]:
        started = time.time()
        api_class = getattr(package, call["container"], None)
        method_name = call["symbol"] + "_with_http_info"
        if api_class is None or not hasattr(api_class, method_name):
            results.append({"operationId": call["operationId"], "outcome": "not-generated", "error": call["container"] + "." + call["symbol"] + " is not in the package"})
            continue
        if call["container"] not in apis:
            apis[call["container"]] = api_class(client)
        method = getattr(apis[call["container"]], method_name)
        result = {"operationId": call["operationId"]}
        try:
            got = method(_request_timeout=spec["timeoutMs"] / 1000.0, **call["kwargs"])
            if isinstance(got, tuple):
                data, status = got[0], got[1]
            else:
                data, status = getattr(got, "data", None), getattr(got, "status_code", None)
            result["status"] = status
            result["outcome"] = "ok" if status is None or 200 <= status < 300 else "http-error"
            result["decoded"] = client.sanitize_for_serialization(data)
        except Exception as error:  # noqa: BLE001 - reported per call
            status = getattr(error, "status", None)
            if isinstance(status, int) and not 200 <= status < 300:
                result["outcome"] = "http-error"
                result["status"] = status
                body = getattr(error, "body", None)
                try:
                    result["decoded"] = json.loads(body) if body else None
                except (TypeError, ValueError):
                    result["decoded"] = body if isinstance(body, str) else None
                result["error"] = "HTTP " + str(status)
            else:
                result["outcome"] = "client-error"
                if isinstance(status, int):
                    result["status"] = status
                result["error"] = error_line(error)
        result["ms"] = int((time.time() - started) * 1000)
        results.append(result)

with open(output_file, "w", encoding="utf-8") as handle:
    json.dump(results, handle, default=str)
`;
