using Microsoft.Extensions.Logging;

namespace Referral.Silo.Persistence;

public static partial class PostgresSchema
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Applying schema migration {Version} ({Name})")]
    private static partial void LogApplying(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name}) in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Another instance holds the schema migration lock; waiting for it")]
    private static partial void LogWaitingForLock(ILogger logger);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Database schema is at version {Version} ({Applied} migrations applied now)")]
    private static partial void LogUpToDate(ILogger logger, int version, int applied);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Database schema is at version {Version}, newer than this build's {Latest}; continuing, as migrations are additive")]
    private static partial void LogDatabaseAhead(ILogger logger, int version, int latest);
}
