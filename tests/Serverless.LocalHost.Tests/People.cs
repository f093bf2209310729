namespace Serverless.LocalHost.Tests;

/// <summary>How the end-to-end tests act as many people at once.</summary>
internal static class People
{
    /// <summary>A few requests at a time, as several people would make them.</summary>
    public static async Task<List<TResult>> InParallelAsync<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Task<TResult>> call)
    {
        using var gate = new SemaphoreSlim(4);
        return [.. await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return await call(item);
            }
            finally
            {
                gate.Release();
            }
        }))];
    }

    public static async Task InParallelAsync<TItem>(IEnumerable<TItem> items, Func<TItem, Task> call) =>
        await InParallelAsync(items, async item =>
        {
            await call(item);
            return true;
        });
}
