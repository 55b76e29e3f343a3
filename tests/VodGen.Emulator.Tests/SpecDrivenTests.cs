using VodGen.Emulator;

namespace VodGen.Emulator.Tests;

public sealed class SpecDrivenTests : EmulatorTestBase, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vodgen-specs-").FullName;

    protected override void Configure(VodEmulatorOptions options)
    {
        File.WriteAllText(Path.Combine(_folder, "GetSampleInfo.json"), """
            {
              "info": { "style": "RPC", "product": "vod", "version": "2017-03-21" },
              "apis": {
                "GetSampleInfo": {
                  "parameters": [
                    { "name": "VideoId", "in": "query", "schema": { "type": "string", "required": true } },
                    { "name": "AdditionType", "in": "query", "schema": { "type": "integer" } }
                  ],
                  "responses": { "200": { "schema": { "type": "object", "properties": {
                    "RequestId": { "type": "string" },
                    "Video": { "type": "object", "properties": {
                      "Title": { "type": "string", "example": "Sample title" },
                      "Duration": { "type": "number", "example": "12.5" },
                      "Snapshots": { "type": "array", "items": { "type": "string", "example": "shot.jpg" } }
                    } }
                  } } } }
                }
              }
            }
            """);
        File.WriteAllText(Path.Combine(_folder, "SetSampleConfig.json"), """
            {
              "info": { "style": "RPC", "product": "vod", "version": "2017-03-21" },
              "components": { "schemas": { "Node": { "type": "object", "properties": { "Name": { "type": "string" }, "Children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } } } } } },
              "apis": {
                "SetSampleConfig": {
                  "parameters": [
                    { "name": "Config", "in": "query", "style": "flat", "schema": { "type": "object", "required": true, "properties": { "Mode": { "type": "string" }, "Limits": { "type": "object", "properties": { "Max": { "type": "integer" } } } } } },
                    { "name": "Rule", "in": "query", "style": "repeatList", "schema": { "type": "array", "items": { "type": "object", "properties": { "Value": { "type": "array", "items": { "type": "string" } } } } } },
                    { "name": "Extra", "in": "query", "schema": { "type": "any" } },
                    { "name": "Root", "in": "query", "style": "json", "schema": { "$ref": "#/components/schemas/Node" } }
                  ],
                  "responses": { "200": { "schema": { "$ref": "#/components/schemas/Node" } } },
                  "errorCodes": { "600": [ { "errorCode": "Quota.Exceeded", "errorMessage": "m" } ] }
                }
              }
            }
            """);
        options.SpecFolders.Add(_folder);
    }

    [Fact]
    public async Task Official_constructs_are_validated_as_they_are_sent()
    {
        Dictionary<string, string> Call(params (string Name, string Value)[] parameters)
        {
            var call = new Dictionary<string, string>(RawCall.Common("SetSampleConfig")) { ["Format"] = "JSON" };
            foreach (var (name, value) in parameters)
            {
                call[name] = value;
            }

            return call;
        }

        var (missingStatus, missingBody, _) = await Raw().GetAsync(Call(("Rule.1.Value.1", "x")));
        var (fineStatus, _, _) = await Raw().GetAsync(Call(("Config.Limits.Max", "5"), ("Rule.1.Value.2", "y"), ("Extra", "{\"a\":1}"), ("Root", "{\"Name\":\"r\",\"Children\":[]}")));

        Assert.Equal((400, true), (missingStatus, missingBody.Contains("\"Code\":\"MissingParameter\"", StringComparison.Ordinal) && missingBody.Contains("Config", StringComparison.Ordinal)));
        Assert.Equal(200, fineStatus);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_new_spec_file_is_served_with_validation_and_a_sample_answer()
    {
        var missing = RawCall.Common("GetSampleInfo");
        missing["Format"] = "JSON";
        var wrongType = new Dictionary<string, string>(RawCall.Common("GetSampleInfo")) { ["Format"] = "JSON", ["VideoId"] = "v", ["AdditionType"] = "many" };
        var fine = new Dictionary<string, string>(RawCall.Common("GetSampleInfo")) { ["Format"] = "JSON", ["VideoId"] = "v" };

        var (missingStatus, missingBody, _) = await Raw().GetAsync(missing);
        var (wrongStatus, wrongBody, _) = await Raw().GetAsync(wrongType);
        var (fineStatus, fineBody, _) = await Raw().GetAsync(fine);

        Assert.Equal((400, true), (missingStatus, missingBody.Contains("\"Code\":\"MissingParameter\"", StringComparison.Ordinal)));
        Assert.Equal((400, true), (wrongStatus, wrongBody.Contains("\"Code\":\"InvalidParameter\"", StringComparison.Ordinal)));
        Assert.Equal(200, fineStatus);
        Assert.Contains("\"Title\":\"Sample title\"", fineBody);
        Assert.Contains("\"Duration\":12.5", fineBody);
        Assert.Contains("\"Snapshots\":[\"shot.jpg\"]", fineBody);
    }

    [Fact]
    public void Embedded_specs_are_known_too()
    {
        Assert.Contains("RefreshUploadVideo", Emulator.Specs.Operations.Keys);
        Assert.Contains("CreateUploadVideo", Emulator.Specs.Operations.Keys);
        Assert.Contains("GetSampleInfo", Emulator.Specs.Operations.Keys);
    }
}

public class EmulatorOptionsTests
{
    [Fact]
    public async Task Unreadable_spec_is_reported_with_its_path()
    {
        var folder = Directory.CreateTempSubdirectory("vodgen-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Broken.json"), "{ \"info\": ");
            var options = new VodEmulatorOptions();
            options.SpecFolders.Add(folder);

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => VodEmulator.StartAsync(options));

            Assert.Contains("Broken.json", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_spec_folder_and_bad_port_are_refused()
    {
        var options = new VodEmulatorOptions();
        options.SpecFolders.Add("/no/such/folder");

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => VodEmulator.StartAsync(options));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => VodEmulator.StartAsync(new VodEmulatorOptions { Port = 70000 }));
    }

    [Fact]
    public async Task Binds_to_loopback_only_on_a_free_port()
    {
        await using var first = await VodEmulator.StartAsync();
        await using var second = await VodEmulator.StartAsync();

        Assert.Equal("127.0.0.1", first.Endpoint.Host);
        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
    }
}
