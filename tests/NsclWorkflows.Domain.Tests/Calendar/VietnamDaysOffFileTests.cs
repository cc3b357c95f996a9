using System.Text;
using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Domain.Tests.Calendar;

public class VietnamDaysOffFileTests
{
    const string AmendedFile = """
        {
          "years": [
            {
              "year": 2030,
              "extraDaysOff": [ { "date": "2030-02-08", "note": "Nghỉ thêm (thử nghiệm)", "source": "Thông báo giả định cho kiểm thử" } ],
              "workingDays": [ { "date": "2030-02-16", "note": "Làm bù (thử nghiệm)", "source": "Thông báo giả định cho kiểm thử" } ]
            }
          ]
        }
        """;

    [Fact]
    public void Load_ShippedFile_HasEntriesWithNoteAndSource()
    {
        var years = VietnamDaysOffFile.Load();

        Assert.Contains(years, y => y.Year == 2025);
        Assert.All(years.SelectMany(y => y.ExtraDaysOff.Concat(y.WorkingDays)), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Note));
            Assert.False(string.IsNullOrWhiteSpace(a.Source));
        });
    }

    [Fact]
    public void FromFile_AmendedFile_AppliesItsDays()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, AmendedFile, Encoding.UTF8);
            var calendar = VietnamStatutoryCalendar.FromFile(path);

            Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 2, 8)));
            Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 2, 16)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_EntryWithoutSource_Throws()
    {
        const string json = """{ "years": [ { "year": 2030, "extraDaysOff": [ { "date": "2030-02-08", "note": "x" } ] } ] }""";

        var ex = Assert.Throws<InvalidDataException>(() => VietnamDaysOffFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("nguồn", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateYear_Throws()
    {
        const string json = """{ "years": [ { "year": 2030 }, { "year": 2030 } ] }""";

        Assert.Throws<InvalidDataException>(() => VietnamDaysOffFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }
}
