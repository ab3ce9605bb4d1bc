using System.Globalization;
using System.Text;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>
/// The host report as CSV (RFC 4180): one row per player per question. Cells that a spreadsheet
/// would run as a formula (=, +, -, @ at the start) are prefixed with a quote, since nicknames and
/// typed answers come from players.
/// </summary>
public static class ReportCsv
{
    public static string Write(RoomReport report)
    {
        var csv = new StringBuilder();
        csv.Append("player,nickname,question,question_text,answer,answered,correct,time_ms,points\r\n");
        foreach (var row in report.Rows)
        {
            csv.Append(Cell(row.UserId.ToString())).Append(',')
                .Append(Cell(row.Nickname)).Append(',')
                .Append((row.QuestionIndex + 1).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(report.Questions[row.QuestionIndex])).Append(',')
                .Append(Cell(row.Answer)).Append(',')
                .Append(row.Answered ? "true" : "false").Append(',')
                .Append(row.Correct ? "true" : "false").Append(',')
                .Append(row.TimeMs.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Points.ToString(CultureInfo.InvariantCulture))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
