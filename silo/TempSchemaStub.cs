// TEMPORARY: excluded automatically once Persistence/PostgresSchema.cs exists; delete then.
using Microsoft.Extensions.Logging;
namespace Referral.Silo.Persistence;
public static class PostgresSchema
{
    public static Task<int> ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken) => Task.FromResult(0);
    public static Task<int> CurrentVersionAsync(string connectionString, CancellationToken cancellationToken) => Task.FromResult(0);
}
