using Grpc.Core;
using Grpc.Core.Interceptors;
using Serverless.Workflow.Storage;

namespace Serverless.LocalHost.Durable;

/// <summary>
/// Carries the caller's <see cref="StorageRequestScope"/> over the loopback gRPC hop to the engine, so what the
/// engine writes to start an instance or raise an event is counted with the HTTP request that asked for it.
/// The execution context does not cross the socket; the scope's id does, as call metadata.
/// </summary>
internal static class StorageScopeOverGrpc
{
    const string Header = "x-storage-scope";

    /// <summary>The client's side: names the current scope, if any, on each call.</summary>
    public sealed class Sender : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            if (StorageRequestScope.CurrentId is not { } id)
            {
                return continuation(request, context);
            }

            var headers = context.Options.Headers ?? [];
            headers.Add(Header, id);
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        }
    }

    /// <summary>The sidecar's side: continues the named scope while the engine handles the call.</summary>
    public sealed class Receiver : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            if (context.RequestHeaders.GetValue(Header) is { } id)
            {
                StorageRequestScope.Continue(id);
            }

            return continuation(request, context);
        }
    }
}
