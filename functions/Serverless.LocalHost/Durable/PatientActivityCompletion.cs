using DurableTask.Core;

namespace Serverless.LocalHost.Durable;

/// <summary>
/// The engine's orchestration service as the sidecar's dispatchers see it, with one change: an activity's result is
/// handed back however long storage is away. Without it, a result that could not be written (storage down) was
/// dropped: the engine still counted the activity's message as in progress, so when the message came back after its
/// visibility timeout it was ignored ("being processed multiple times concurrently"), and the application waited for
/// that activity for ever. Storage back, the result is written; a retry that follows a half-done write may deliver
/// the result twice, which the orchestration ignores (one completion per scheduled task).
/// </summary>
internal sealed partial class PatientActivityCompletion(IOrchestrationService engine, ILogger<PatientActivityCompletion> logger) : IOrchestrationService, IDisposable
{
    static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(15);

    readonly CancellationTokenSource stopping = new();

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var wait = FirstWait;
        while (true)
        {
            try
            {
                await engine.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                ResultNotWritten(logger, workItem.Id, wait.TotalSeconds, e.GetBaseException().Message);
            }

            try
            {
                await Task.Delay(wait, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                throw new OperationCanceledException("The engine is stopping; the activity's message comes back after its visibility timeout.");
            }

            wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
        }
    }

    /// <summary>
    /// The engine's start, once asked for. Stopping an engine never started, or one still starting, throws a
    /// NullReferenceException inside DurableTask.AzureStorage, and the sidecar stops it from its own stopping event,
    /// where nothing catches it: a host whose start failed just after the worker had connected (its port taken)
    /// crashed on the way out instead of saying why it could not start. So a stop waits for the start, and stops
    /// only an engine that started.
    /// </summary>
    Task? starting;

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        await stopping.CancelAsync();
        if (Volatile.Read(ref starting) is not { } start)
        {
            return;
        }

        try
        {
            await start;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return; // it never ran; its start's failure is the start's to report
        }

        await engine.StopAsync(isForced);
    }

    public void Dispose() => stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of activity work item {WorkItemId} could not be written; trying again in {Seconds} s: {Reason}")]
    static partial void ResultNotWritten(ILogger logger, string workItemId, double seconds, string reason);

    // Everything else is the engine's own.
    public int TaskOrchestrationDispatcherCount => engine.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => engine.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => engine.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => engine.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => engine.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync()
    {
        var start = engine.StartAsync();
        Volatile.Write(ref starting, start);
        return start;
    }

    public Task CreateAsync() => engine.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => engine.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => engine.CreateIfNotExistsAsync();

    public Task DeleteAsync() => engine.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => engine.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        engine.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => engine.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => engine.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        engine.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => engine.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        engine.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => engine.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => engine.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        engine.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => engine.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => engine.AbandonTaskActivityWorkItemAsync(workItem);
}
