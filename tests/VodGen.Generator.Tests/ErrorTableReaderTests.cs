using VodGen.Generator.Parsing;

namespace VodGen.Generator.Tests;

/// <summary>The markdown error tables of official metadata: columns in any order, escaped pipes, loose spacing.</summary>
public class ErrorTableReaderTests
{
    [Fact]
    public void Rows_are_read_by_their_column_names_with_escaped_pipes_kept_in_their_cell()
    {
        var markdown = string.Join("\r\n",
            "Some prose before the table.",
            "  | HTTP status code | Error code | Error message | Description |  ",
            "|---|:---|---:|---|",
            "| 400 | `InvalidVideo.Damaged` | The video \\| audio is damaged. | \\|Starts and ends with a pipe\\| |",
            "|404|InvalidVideo.NotFound|  The video does not exist.  |",
            "| 503 | Throttling | Busy | last cell without a closing pipe",
            "after the table");

        var (errors, problems) = ErrorTableReader.Read(markdown);

        Assert.Empty(problems);
        Assert.Equal(
            new[]
            {
                ("InvalidVideo.Damaged", 400, "The video | audio is damaged.", "|Starts and ends with a pipe|"),
                ("InvalidVideo.NotFound", 404, "The video does not exist.", string.Empty),
                ("Throttling", 503, "Busy", "last cell without a closing pipe"),
            },
            errors.Select(e => (e.Code, e.HttpStatus, e.Message, e.Description)));
    }

    [Fact]
    public void Rows_without_a_code_or_an_http_status_are_problems_with_their_row_number()
    {
        var markdown = "| Error code | HTTP status code |\n| --- | --- |\n| A | 400 |\n|  | 400 |\n| B | 2014 |\n| C | n/a |";

        var (errors, problems) = ErrorTableReader.Read(markdown);

        Assert.Equal("A", Assert.Single(errors).Code);
        Assert.Equal(new[] { (2, "the error code is empty"), (3, "'2014' is not an HTTP status code"), (4, "'n/a' is not an HTTP status code") }, problems);
    }
}
