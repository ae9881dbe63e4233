using MessagePack;
using MessagePack.Resolvers;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace GradingHost.Protocol;

/// <summary>
/// StreamJsonRpc over a pair of streams: length-prefixed MessagePack messages, deserialised with
/// MessagePack's hardening for untrusted data, with a worker's <see cref="StudentFault"/> readable from
/// its error responses. Both ends use it; the checker guards what it reads (<see cref="MessageSizeGuard"/>).
/// </summary>
public sealed class WorkerRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    public static WorkerRpc Create(Stream sending, Stream receiving)
    {
        var formatter = new MessagePackFormatter();
        formatter.SetMessagePackSerializerOptions(MessagePackSerializerOptions.Standard
            .WithResolver(ContractlessStandardResolver.Instance)
            .WithSecurity(MessagePackSecurity.UntrustedData));
        return new WorkerRpc(new LengthHeaderMessageHandler(sending, receiving, formatter));
    }

    protected override Type? GetErrorDetailsDataType(JsonRpcError error) =>
        error.Error?.Code == (JsonRpcErrorCode)FaultCodes.StudentCode ? typeof(StudentFault) : base.GetErrorDetailsDataType(error);
}
