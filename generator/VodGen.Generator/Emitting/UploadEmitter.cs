using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits <c>UploadVideoAsync</c> (file and stream) and <c>ResumeVideoUploadAsync</c> on <c>VodClient</c>, and the
/// session that gives the uploader CreateUploadVideo and RefreshUploadVideo. Only for projects that reference VodGen.Upload.
/// </summary>
internal static class UploadEmitter
{
    private const string Upload = "global::VodGen.Upload.";

    public static string Emit(BoundUpload model)
    {
        var create = new OperationNames(model.Product, model.CreateOperation);
        var refresh = new OperationNames(model.Product, model.RefreshOperation);
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + create.Namespace);
        writer.WriteLine("/// <summary>Uploads media files to VOD: CreateUploadVideo, the storage upload, and RefreshUploadVideo as the credential expires.</summary>");
        writer.WriteGeneratedAttributes();
        writer.Open(create.Accessibility + " static partial class VodUploadExtensions");

        EmitUpload(writer, create, "string filePath", "filePath", "UploadFileAsync", "the file at <paramref name=\"filePath\"/>", "filePath");
        writer.WriteLine();
        EmitUpload(writer, create, "global::System.IO.Stream stream", "stream", "UploadStreamAsync", "what <paramref name=\"stream\"/> holds from its position on", "stream");
        writer.WriteLine();

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Goes on with the interrupted upload of <paramref name=\"videoId\"/> from its checkpoint in");
        writer.WriteLine("/// <see cref=\"" + Upload + "VodUploadOptions.Checkpoints\"/>: a new credential from RefreshUploadVideo (never a second");
        writer.WriteLine("/// CreateUploadVideo), and the parts the storage acknowledged are not sent again.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"client\">The client to call VOD with.</param>");
        writer.WriteLine("/// <param name=\"videoId\">The video whose upload was interrupted.</param>");
        writer.WriteLine("/// <param name=\"filePath\">The same file as before.</param>");
        RunParameterDocs(writer);
        writer.WriteLine("/// <exception cref=\"" + Upload + "VodUploadException\">No checkpoint, a changed file, or a storage failure.</exception>");
        writer.WriteLine("public static global::System.Threading.Tasks.Task<" + Upload + "VodUploadResult> ResumeVideoUploadAsync(");
        writer.WriteLine("\tthis global::VodGen.VodClient client,");
        writer.WriteLine("\tstring videoId,");
        writer.WriteLine("\tstring filePath,");
        RunParameters(writer);
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.WriteLine("return " + Upload + "VodUploader.ResumeFileAsync(new UploadSession(client, null), videoId, filePath, options, progress, cancellationToken);");
        writer.Close();
        writer.WriteLine();

        EmitSession(writer, model, create, refresh);
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitUpload(SourceWriter writer, OperationNames create, string sourceParameter, string sourceName, string runner, string what, string sourceArgument)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates a video with <paramref name=\"request\"/> (CreateUploadVideo) and uploads " + what + " to it: one request");
        writer.WriteLine("/// for a small file, otherwise a multipart upload in parallel, renewing the credential (RefreshUploadVideo) before it");
        writer.WriteLine("/// expires, retrying failed parts and checking CRC-64.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"client\">The client to call VOD with.</param>");
        writer.WriteLine("/// <param name=\"request\">The new video's parameters.</param>");
        writer.WriteLine("/// <param name=\"" + sourceName + "\">What to upload.</param>");
        RunParameterDocs(writer);
        writer.WriteLine("/// <exception cref=\"" + Upload + "VodUploadException\">The storage refused the upload or its data did not check out.</exception>");
        writer.WriteLine("/// <exception cref=\"global::VodGen.VodServiceException\">CreateUploadVideo or RefreshUploadVideo failed.</exception>");
        writer.WriteLine("public static global::System.Threading.Tasks.Task<" + Upload + "VodUploadResult> UploadVideoAsync(");
        writer.WriteLine("\tthis global::VodGen.VodClient client,");
        writer.WriteLine("\t" + create.Qualified(create.Request) + " request,");
        writer.WriteLine("\t" + sourceParameter + ",");
        RunParameters(writer);
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(request);");
        writer.WriteLine("return " + Upload + "VodUploader." + runner + "(new UploadSession(client, request), " + sourceArgument + ", options, progress, cancellationToken);");
        writer.Close();
    }

    // The parameters every upload method ends with, and their documentation.
    private static void RunParameters(SourceWriter writer)
    {
        writer.WriteLine("\t" + Upload + "VodUploadOptions? options = null,");
        writer.WriteLine("\tglobal::System.IProgress<" + Upload + "VodUploadProgress>? progress = null,");
        writer.Open("\tglobal::System.Threading.CancellationToken cancellationToken = default)");
    }

    private static void RunParameterDocs(SourceWriter writer)
    {
        writer.WriteLine("/// <param name=\"options\">How the upload runs; the defaults when null.</param>");
        writer.WriteLine("/// <param name=\"progress\">Receives progress reports (acknowledged bytes only).</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the upload; a file's checkpoint stays, to resume later.</param>");
    }

    private static void EmitSession(SourceWriter writer, BoundUpload model, OperationNames create, OperationNames refresh)
    {
        writer.WriteLine("/// <summary>The upload operations, as the uploader asks for them.</summary>");
        writer.Open("private sealed class UploadSession : " + Upload + "IVodUploadSession");
        writer.WriteLine("private readonly global::VodGen.VodClient _client;");
        writer.WriteLine("private readonly " + create.Qualified(create.Request) + "? _request;");
        writer.WriteLine();
        writer.Open("public UploadSession(global::VodGen.VodClient client, " + create.Qualified(create.Request) + "? request)");
        writer.WriteLine("_client = client;");
        writer.WriteLine("_request = request;");
        writer.Close();
        writer.WriteLine();
        writer.Open("public async global::System.Threading.Tasks.Task<" + Upload + "VodUploadTicket> CreateAsync(global::System.TimeProvider clock, global::System.Threading.CancellationToken cancellationToken)");
        writer.WriteLine("var request = _request ?? throw new global::System.InvalidOperationException(\"This session only renews credentials.\");");
        writer.WriteLine("var response = await " + create.Qualified(create.Extensions) + "." + create.Method + "(_client, request, cancellationToken).ConfigureAwait(false);");
        EmitTicket(writer, model.Create, "response." + model.Create.VideoId);
        writer.Close();
        writer.WriteLine();
        writer.Open("public async global::System.Threading.Tasks.Task<" + Upload + "VodUploadTicket> RefreshAsync(string videoId, global::System.TimeProvider clock, global::System.Threading.CancellationToken cancellationToken)");
        writer.WriteLine("var response = await " + refresh.Qualified(refresh.Extensions) + "." + refresh.Method + "(_client, new " + refresh.Qualified(refresh.Request) + " { " + model.RefreshVideoIdParameter + " = videoId }, cancellationToken).ConfigureAwait(false);");
        EmitTicket(writer, model.Refresh, "response." + model.Refresh.VideoId + " ?? videoId");
        writer.Close();
        writer.Close();
    }

    // The decoded address and credential, read where the answer puts them; optional fields only when the spec has them.
    private static void EmitTicket(SourceWriter writer, BoundUploadAnswer answer, string videoId)
    {
        var c = answer.Credential;
        writer.WriteLine("var address = response." + answer.DecodeAddress + "();");
        writer.WriteLine("var auth = response." + answer.DecodeAuth + "();");
        writer.WriteLine("return " + Upload + "VodUploadTicket.From(");
        writer.WriteLine("\t" + videoId + ",");
        writer.WriteLine("\taddress." + c.Endpoint + ",");
        writer.WriteLine("\taddress." + c.Bucket + ",");
        writer.WriteLine("\taddress." + c.FileName + ",");
        writer.WriteLine("\tauth." + c.AccessKeyId + ",");
        writer.WriteLine("\tauth." + c.AccessKeySecret + ",");
        writer.WriteLine("\tauth." + c.SecurityToken + ",");
        writer.WriteLine("\t" + (c.Expiration is { } expiration ? "auth." + expiration : "null") + ",");
        writer.WriteLine("\t" + (c.ExpireUtcTime is { } expireUtc ? "auth." + expireUtc : "null") + ",");
        writer.WriteLine("\t" + (c.Region is { } region ? "auth." + region : "null") + ",");
        writer.WriteLine("\tclock.GetUtcNow());");
    }
}
