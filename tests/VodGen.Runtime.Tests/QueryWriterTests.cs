using VodGen.Signing;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

public class QueryWriterTests
{
    private static readonly VodRequestStamp Stamp = new(
        new VodCredentials("testid", "testsecret", "CAIS+token/x=="), "RefreshUploadVideo", "2017-03-21", "nonce-1", "2016-02-23T12:46:24Z");

    private static string Run(VodRequestStamp? stamp, WriteAction write)
    {
        var writer = new VodQueryWriter(stamp, initialCapacity: 16);
        try
        {
            write(ref writer);
            return System.Text.Encoding.ASCII.GetString(writer.Written);
        }
        finally
        {
            writer.Dispose();
        }
    }

    private delegate void WriteAction(ref VodQueryWriter writer);

    [Fact]
    public void V1_common_parameters_are_written_with_their_values()
    {
        var query = Run(Stamp, (ref VodQueryWriter w) =>
        {
            foreach (var parameter in Enum.GetValues<VodCommonParameter>())
            {
                w.WriteCommon(parameter);
            }
        });

        Assert.Equal(
            "AccessKeyId=testid&Action=RefreshUploadVideo&Format=JSON&SecurityToken=CAIS%2Btoken%2Fx%3D%3D&SignatureMethod=HMAC-SHA1"
            + "&SignatureNonce=nonce-1&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2017-03-21",
            query);
    }

    [Fact]
    public void V3_skips_common_parameters()
    {
        var query = Run(null, (ref VodQueryWriter w) =>
        {
            w.WriteCommon(VodCommonParameter.AccessKeyId);
            w.Write("VideoId"u8, "v*1");
            w.WriteCommon(VodCommonParameter.Version);
        });

        Assert.Equal("VideoId=v%2A1", query);
    }

    [Fact]
    public void Null_values_write_nothing_and_scalars_are_invariant()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var query = Run(null, (ref VodQueryWriter w) =>
            {
                w.Write("A"u8, (string?)null);
                w.Write("B"u8, 1.5);
                w.Write("C"u8, true);
                w.Write("D"u8, -42L);
                w.Write("E"u8, (long?)null);
            });

            Assert.Equal("B=1.5&C=true&D=-42", query);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Flattened_list_members_are_sorted_ordinally_among_themselves()
    {
        var query = Run(null, (ref VodQueryWriter w) =>
        {
            w.Write("A"u8, "x");
            w.BeginList();
            for (var i = 1; i <= 11; i++)
            {
                w.Enter("Tag."u8, i);
                w.WriteMember(".Key"u8, "k" + i);
                w.WriteMember(".Value"u8, "v" + i);
                w.Exit();
            }

            w.EndList();
            w.Write("Z"u8, "y");
        });

        var expected = ReferenceQuery.Build(
            new[] { new KeyValuePair<string, string>("A", "x"), new("Z", "y") }
            .Concat(Enumerable.Range(1, 11).SelectMany(i => new KeyValuePair<string, string>[] { new($"Tag.{i}.Key", "k" + i), new($"Tag.{i}.Value", "v" + i) })));
        Assert.Equal(expected, query);
        Assert.Contains("Tag.1.Value=v1&Tag.10.Key=k10", query);
    }

    [Fact]
    public void Nested_flattened_names_are_built_at_any_depth_and_sorted_with_their_list()
    {
        var query = Run(null, (ref VodQueryWriter w) =>
        {
            w.Write("A"u8, "x");
            w.BeginList();
            for (var i = 1; i <= 2; i++)
            {
                w.Enter("Rule."u8, i);
                w.WriteMember(".Name"u8, "r" + i);
                for (var j = 1; j <= 10; j++)
                {
                    w.Enter(".Cond."u8, j);
                    w.Enter(".Range"u8);
                    w.WriteMember(".Start"u8, (long?)j);
                    w.Exit();
                    w.WriteMember(global::System.ReadOnlySpan<byte>.Empty, j % 2 == 0);
                    w.Exit();
                }

                w.Exit();
            }

            w.EndList();
            w.Write("Z"u8, "y");
        });

        var pairs = new List<KeyValuePair<string, string>> { new("A", "x"), new("Z", "y") };
        for (var i = 1; i <= 2; i++)
        {
            pairs.Add(new($"Rule.{i}.Name", "r" + i));
            for (var j = 1; j <= 10; j++)
            {
                pairs.Add(new($"Rule.{i}.Cond.{j}.Range.Start", j.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                pairs.Add(new($"Rule.{i}.Cond.{j}", j % 2 == 0 ? "true" : "false"));
            }
        }

        Assert.Equal(ReferenceQuery.Build(pairs), query);
        Assert.Contains("Rule.1.Cond.1=false&Rule.1.Cond.1.Range.Start=1&Rule.1.Cond.10=true", query);
    }

    [Fact]
    public void Raw_json_values_are_sent_as_their_text()
    {
        using var document = System.Text.Json.JsonDocument.Parse("{\"a\": [1, \"b c\"]}");
        var element = document.RootElement;
        var query = Run(null, (ref VodQueryWriter w) =>
        {
            w.Write("Extra"u8, element);
            w.Write("None"u8, (System.Text.Json.JsonElement?)null);
            w.Write("Undefined"u8, default(System.Text.Json.JsonElement));
        });

        Assert.Equal("Extra=" + Uri.EscapeDataString("{\"a\": [1, \"b c\"]}"), query);
    }

    [Fact]
    public void Unbalanced_enter_and_exit_are_refused()
    {
        var writer = new VodQueryWriter(null);
        try
        {
            var threw = false;
            try
            {
                writer.Exit();
            }
            catch (InvalidOperationException)
            {
                threw = true;
            }

            Assert.True(threw, "Exit without Enter must throw");
            threw = false;
            try
            {
                writer.WriteMember(".A"u8, "x");
            }
            catch (InvalidOperationException)
            {
                threw = true;
            }

            Assert.True(threw, "WriteMember without Enter must throw");
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Fact]
    public void Json_values_are_encoded_as_one_parameter()
    {
        var query = Run(null, (ref VodQueryWriter w) =>
        {
            var json = w.BeginJson();
            json.WriteStartArray();
            json.WriteNumberValue(1);
            json.WriteStringValue("a b");
            json.WriteEndArray();
            w.EndJson("Times"u8);
        });

        Assert.Equal("Times=" + Uri.EscapeDataString("[1,\"a b\"]"), query);
    }

    [Fact]
    public void Grows_beyond_its_first_buffer()
    {
        var big = new string('é', 5000);
        var query = Run(null, (ref VodQueryWriter w) => w.Write("Big"u8, big));

        Assert.Equal("Big=" + Uri.EscapeDataString(big), query);
    }
}
