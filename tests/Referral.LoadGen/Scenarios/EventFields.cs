using System.Text.Json;

namespace Referral.LoadGen.Scenarios;

/// <summary>Reads the few fields the bots need from hub event payloads (camelCase JSON).</summary>
public static class EventFields
{
    public static int QuestionIndex(JsonElement started) => started.GetProperty("question").GetProperty("index").GetInt32();

    public static DateTime Time(JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset().UtcDateTime;

}
