/**
 * Driver for the Go clients of OpenAPI Generator 4.3.1 and Swagger Codegen 3.0.34 (`go`: one `XxxApiService` per
 * tag, reached as a field of `APIClient`; optional parameters in an `XxxOpts` struct of `github.com/antihax/optional`
 * values). Compiled once with the client (`go build`, GOPATH mode) and run as
 *   .specdrift/go-driver input.json output.json
 * input:  { baseUrl, headers, timeoutMs, calls: [{ operationId, container, symbol, args }] }
 *         args: one JSON value per Go parameter after `ctx`; an `…Opts` struct gets an object keyed by field name.
 * output: [{ operationId, outcome, status?, decoded?, error?, ms }]
 *
 * Kept as Go text, generated per client only in its import path and its table of model types (Go cannot look a type
 * up by name; `optional.Interface` bodies must be decoded into the model the client's typeCheckParameter expects).
 * Methods, parameter types and `optional` constructors are found by reflection, so one program drives every operation.
 * `decoded` is the client's model written back as JSON under its struct tags' names, int64 values exact. A Go model
 * cannot tell an absent property from its zero value (non-pointer fields), and encoding/json's `omitempty` would drop
 * every 0, false and "" the server sent: so a zero-valued field is written when the server's body has that key and
 * left out when it has not (the driver records the body). Renamed keys, wrong values and lost precision still show.
 */
export function goDriverSource(clientImport: string, modelTypes: readonly string[] = []): string {
  const table = modelTypes.map((name) => `\t${JSON.stringify(name)}: reflect.TypeOf((*client.${name})(nil)).Elem(),`).join('\n');
  return String.raw`package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/ioutil"
	"net/http"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/antihax/optional"
	client "${clientImport}"
)

type call struct {
	OperationID string            ` + '`json:"operationId"`' + String.raw`
	Container   string            ` + '`json:"container"`' + String.raw`
	Symbol      string            ` + '`json:"symbol"`' + String.raw`
	Args        []json.RawMessage ` + '`json:"args"`' + String.raw`
	// Model type names of optional.Interface fields ("V0042JobSubmitReq", "[]string"), from the generated doc comments.
	OptionTypes map[string]string ` + '`json:"optionTypes"`' + String.raw`
}

type input struct {
	BaseURL   string            ` + '`json:"baseUrl"`' + String.raw`
	Headers   map[string]string ` + '`json:"headers"`' + String.raw`
	TimeoutMs int               ` + '`json:"timeoutMs"`' + String.raw`
	Calls     []call            ` + '`json:"calls"`' + String.raw`
}

type result struct {
	OperationID string          ` + '`json:"operationId"`' + String.raw`
	Outcome     string          ` + '`json:"outcome"`' + String.raw`
	Status      *int            ` + '`json:"status,omitempty"`' + String.raw`
	Decoded     json.RawMessage ` + '`json:"decoded,omitempty"`' + String.raw`
	Error       string          ` + '`json:"error,omitempty"`' + String.raw`
	Ms          int64           ` + '`json:"ms"`' + String.raw`
}

// The client's model types by name.
var modelTypes = map[string]reflect.Type{
${table}
}

// typeNamed resolves "Name", "[]Name" and "map[string]Name" against the model table and a few builtins.
func typeNamed(name string) reflect.Type {
	switch {
	case strings.HasPrefix(name, "[]"):
		if item := typeNamed(name[2:]); item != nil {
			return reflect.SliceOf(item)
		}
	case strings.HasPrefix(name, "map[string]"):
		if item := typeNamed(name[len("map[string]"):]); item != nil {
			return reflect.MapOf(reflect.TypeOf(""), item)
		}
	case name == "string":
		return reflect.TypeOf("")
	case name == "int32":
		return reflect.TypeOf(int32(0))
	case name == "int64":
		return reflect.TypeOf(int64(0))
	case name == "float32":
		return reflect.TypeOf(float32(0))
	case name == "float64":
		return reflect.TypeOf(float64(0))
	case name == "bool":
		return reflect.TypeOf(false)
	}
	return modelTypes[name]
}

// Constructors of the optional values the generated Opts structs hold, by the type they return.
var optionalConstructors = map[reflect.Type]reflect.Value{}

func init() {
	for _, constructor := range []interface{}{
		optional.NewString, optional.NewBool, optional.NewInt, optional.NewInt32, optional.NewInt64,
		optional.NewFloat32, optional.NewFloat64, optional.NewInterface, optional.NewTime,
	} {
		value := reflect.ValueOf(constructor)
		optionalConstructors[value.Type().Out(0)] = value
	}
}

func oneLine(text string) string {
	line := strings.Join(strings.Fields(text), " ")
	if len(line) > 1000 {
		line = line[:1000]
	}
	return line
}

// decodeAs decodes a planned value into a Go type. Plans hold values as the wire shows them, so a number may come
// as a string ("42" for an int32 path parameter) and the reverse.
func decodeAs(raw json.RawMessage, t reflect.Type) (reflect.Value, error) {
	target := reflect.New(t)
	if len(raw) == 0 || string(raw) == "null" {
		return target.Elem(), nil
	}
	err := json.Unmarshal(raw, target.Interface())
	if err == nil {
		return target.Elem(), nil
	}
	var text string
	if json.Unmarshal(raw, &text) == nil && json.Unmarshal([]byte(text), target.Interface()) == nil {
		return target.Elem(), nil
	}
	if t.Kind() == reflect.String {
		target.Elem().SetString(string(raw))
		return target.Elem(), nil
	}
	return reflect.Value{}, err
}

// optionsStruct fills a *XxxOpts from an object keyed by field name.
func optionsStruct(raw json.RawMessage, t reflect.Type, types map[string]string) (reflect.Value, error) {
	options := reflect.New(t.Elem())
	if len(raw) == 0 || string(raw) == "null" {
		return options, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return reflect.Value{}, err
	}
	for name, value := range fields {
		field := options.Elem().FieldByName(name)
		if !field.IsValid() {
			return reflect.Value{}, fmt.Errorf("%s has no field %s", t.Elem().Name(), name)
		}
		constructor, ok := optionalConstructors[field.Type()]
		if !ok {
			decoded, err := decodeAs(value, field.Type())
			if err != nil {
				return reflect.Value{}, fmt.Errorf("%s.%s: %v", t.Elem().Name(), name, err)
			}
			field.Set(decoded)
			continue
		}
		valueType := constructor.Type().In(0)
		if named := typeNamed(types[name]); valueType.Kind() == reflect.Interface && named != nil {
			valueType = named
		}
		decoded, err := decodeAs(value, valueType)
		if err != nil {
			return reflect.Value{}, fmt.Errorf("%s.%s: %v", t.Elem().Name(), name, err)
		}
		if decoded.Type() != constructor.Type().In(0) {
			decoded = decoded.Convert(constructor.Type().In(0))
		}
		field.Set(constructor.Call([]reflect.Value{decoded})[0])
	}
	return options, nil
}

func isOptions(t reflect.Type) bool {
	return t.Kind() == reflect.Ptr && t.Elem().Kind() == reflect.Struct && strings.HasSuffix(t.Elem().Name(), "Opts")
}

// recorder keeps the last response body, so that the model can be written back with the server's keys present.
type recorder struct {
	last []byte
}

func (r *recorder) RoundTrip(request *http.Request) (*http.Response, error) {
	r.last = nil
	response, err := http.DefaultTransport.RoundTrip(request)
	if err != nil || response.Body == nil {
		return response, err
	}
	body, err := ioutil.ReadAll(response.Body)
	response.Body.Close()
	if err != nil {
		return nil, err
	}
	r.last = body
	response.Body = ioutil.NopCloser(bytes.NewReader(body))
	return response, nil
}

// withPresence turns a model into JSON-ready values: field names from the json tags, and a zero-valued field kept
// only where the server's body (wire, decoded generically) has the key.
func withPresence(v reflect.Value, wire interface{}) interface{} {
	if !v.IsValid() {
		return nil
	}
	if marshaler, ok := v.Interface().(json.Marshaler); ok && v.Kind() != reflect.Ptr && v.Kind() != reflect.Interface {
		if encoded, err := marshaler.MarshalJSON(); err == nil {
			return json.RawMessage(encoded)
		}
	}
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return withPresence(v.Elem(), wire)
	case reflect.Struct:
		wireObject, _ := wire.(map[string]interface{})
		out := map[string]interface{}{}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			field := t.Field(i)
			if field.PkgPath != "" {
				continue
			}
			name := strings.Split(field.Tag.Get("json"), ",")[0]
			if name == "-" {
				continue
			}
			// An embedded struct without a tag: encoding/json reads and writes its fields as the outer object's own.
			if name == "" && field.Anonymous && (field.Type.Kind() == reflect.Struct || (field.Type.Kind() == reflect.Ptr && field.Type.Elem().Kind() == reflect.Struct)) {
				if inner, ok := withPresence(v.Field(i), wire).(map[string]interface{}); ok {
					for key, value := range inner {
						out[key] = value
					}
				}
				continue
			}
			if name == "" {
				name = field.Name
			}
			value := v.Field(i)
			wireValue, present := wireObject[name]
			if value.IsZero() && !present {
				continue
			}
			out[name] = withPresence(value, wireValue)
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		wireItems, _ := wire.([]interface{})
		out := make([]interface{}, v.Len())
		for i := range out {
			var item interface{}
			if i < len(wireItems) {
				item = wireItems[i]
			}
			out[i] = withPresence(v.Index(i), item)
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		wireObject, _ := wire.(map[string]interface{})
		out := map[string]interface{}{}
		for _, key := range v.MapKeys() {
			name := fmt.Sprint(key.Interface())
			out[name] = withPresence(v.MapIndex(key), wireObject[name])
		}
		return out
	}
	return v.Interface()
}

type bodyError interface {
	Body() []byte
}

type timeoutError interface {
	Timeout() bool
}

func invoke(api *client.APIClient, wire *recorder, c call, timeoutMs int) result {
	started := time.Now()
	r := result{OperationID: c.OperationID}
	defer func() {
		if recovered := recover(); recovered != nil {
			r.Outcome = "client-error"
			r.Error = oneLine(fmt.Sprintf("panic: %v", recovered))
		}
		r.Ms = time.Since(started).Milliseconds()
	}()
	service := reflect.ValueOf(api).Elem().FieldByName(c.Container)
	if !service.IsValid() {
		r.Outcome = "not-generated"
		r.Error = "APIClient has no field " + c.Container
		return r
	}
	method := service.MethodByName(c.Symbol)
	if !method.IsValid() {
		r.Outcome = "not-generated"
		r.Error = c.Container + "." + c.Symbol + " is not in the package"
		return r
	}
	t := method.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for i := 1; i < t.NumIn(); i++ {
		var raw json.RawMessage
		if i-1 < len(c.Args) {
			raw = c.Args[i-1]
		}
		var value reflect.Value
		var err error
		if isOptions(t.In(i)) {
			value, err = optionsStruct(raw, t.In(i), c.OptionTypes)
		} else {
			value, err = decodeAs(raw, t.In(i))
		}
		if err != nil {
			r.Outcome = "client-error"
			r.Error = oneLine(fmt.Sprintf("argument %d (%s): %v", i, t.In(i), err))
			return r
		}
		args = append(args, value)
	}
	out := method.Call(args)
	var response *http.Response
	var data interface{}
	for _, value := range out {
		if got, ok := value.Interface().(*http.Response); ok {
			response = got
		}
	}
	if len(out) == 3 {
		data = out[0].Interface()
	}
	if response != nil {
		status := response.StatusCode
		r.Status = &status
	}
	failure, _ := out[len(out)-1].Interface().(error)
	if failure != nil {
		var withBody bodyError
		if r.Status != nil && (*r.Status < 200 || *r.Status >= 300) {
			r.Outcome = "http-error"
			r.Error = oneLine(failure.Error())
			if errors.As(failure, &withBody) && json.Valid(withBody.Body()) {
				r.Decoded = withBody.Body()
			}
			return r
		}
		r.Outcome = "client-error"
		var timeout timeoutError
		if errors.As(failure, &timeout) && timeout.Timeout() {
			r.Error = fmt.Sprintf("timed out after %d ms", timeoutMs)
		} else {
			r.Error = oneLine(failure.Error())
		}
		return r
	}
	if r.Status != nil && (*r.Status < 200 || *r.Status >= 300) {
		r.Outcome = "http-error"
		r.Error = fmt.Sprintf("HTTP %d", *r.Status)
	} else {
		r.Outcome = "ok"
	}
	if data != nil {
		var body interface{}
		decoder := json.NewDecoder(bytes.NewReader(wire.last))
		decoder.UseNumber()
		_ = decoder.Decode(&body)
		encoded, err := json.Marshal(withPresence(reflect.ValueOf(data), body))
		if err != nil {
			r.Outcome = "client-error"
			r.Error = oneLine("encoding the result: " + err.Error())
			return r
		}
		r.Decoded = encoded
	}
	return r
}

func main() {
	text, err := ioutil.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var in input
	if err := json.Unmarshal(text, &in); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	configuration := client.NewConfiguration()
	configuration.BasePath = strings.TrimRight(in.BaseURL, "/")
	for name, value := range in.Headers {
		configuration.AddDefaultHeader(name, value)
	}
	wire := &recorder{}
	configuration.HTTPClient = &http.Client{Timeout: time.Duration(in.TimeoutMs) * time.Millisecond, Transport: wire}
	api := client.NewAPIClient(configuration)
	results := []result{}
	for _, c := range in.Calls {
		results = append(results, invoke(api, wire, c, in.TimeoutMs))
	}
	encoded, err := json.Marshal(results)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := ioutil.WriteFile(os.Args[2], encoded, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
`;
}

/** Types of `github.com/antihax/optional` v1.0.0 (each a value plus whether it is set). */
const OPTIONAL_TYPES: [string, string][] = [
  ['Bool', 'bool'],
  ['Byte', 'byte'],
  ['Complex128', 'complex128'],
  ['Complex64', 'complex64'],
  ['Float32', 'float32'],
  ['Float64', 'float64'],
  ['Int', 'int'],
  ['Int16', 'int16'],
  ['Int32', 'int32'],
  ['Int64', 'int64'],
  ['Int8', 'int8'],
  ['Interface', 'interface{}'],
  ['Rune', 'rune'],
  ['String', 'string'],
  ['Time', 'time.Time'],
  ['Uint', 'uint'],
  ['Uint16', 'uint16'],
  ['Uint32', 'uint32'],
  ['Uint64', 'uint64'],
  ['Uint8', 'uint8'],
  ['Uintptr', 'uintptr'],
];

/**
 * A stand-in for `github.com/antihax/optional` v1.0.0, which the `go` clients of both tools import and Debian does
 * not package (and the Go module proxy is out of reach here). Written from its documented API, not copied: for each
 * type `T` of value `V`, `NewT(V) T`, `EmptyT() T`, `(T) Value() V`, `(T) IsSet() bool` — all the generated code uses.
 * Used only when no `github.com/antihax/optional` is on the GOPATH.
 */
export function goOptionalStandIn(): string {
  const lines = ['// Stand-in written by specdrift for github.com/antihax/optional v1.0.0 (not packaged by Debian).', 'package optional', '', 'import "time"', ''];
  for (const [name, value] of OPTIONAL_TYPES) {
    lines.push(
      `type ${name} struct {\n\tisSet bool\n\tvalue ${value}\n}`,
      `func New${name}(value ${value}) ${name} { return ${name}{true, value} }`,
      `func Empty${name}() ${name} { return ${name}{} }`,
      `func (v ${name}) Value() ${value} { return v.value }`,
      `func (v ${name}) IsSet() bool { return v.isSet }`,
      '',
    );
  }
  return lines.join('\n');
}
