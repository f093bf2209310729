using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.Workflow.Http;

/// <summary>The API's JSON (docs/api.md): camelCase, enums as PascalCase strings. Both hosts use exactly these options.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),

            // The web defaults read "42" as 42 and let a second "employees" key win silently: a client with a bug
            // would have it stored. A number is a number, and a key says one thing (400 at the field's path).
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,

            // Korean and punctuation stay as they are (only what JSON requires is escaped): readable responses, and
            // stored forms that stay far below Table Storage's 64 KiB per property (an escaped '"' would take 6 bytes).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
