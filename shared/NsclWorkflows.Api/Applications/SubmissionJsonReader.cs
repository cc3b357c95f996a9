using System.Text.Json;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Validation;
using F = NsclWorkflows.Domain.Applications.SubmissionFields;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// Reads the JSON object of a submission strictly into a <see cref="SubmissionDraft"/> (<see cref="StrictJsonBody"/>):
/// every property it does not declare is refused (a misspelt field must not be silently dropped) and every value of
/// the wrong JSON type is named; the fields' rules are <see cref="SubmissionValidator"/>'s.
/// </summary>
public static class SubmissionJsonReader
{
    static readonly JsonBodyTexts Texts = new SubmissionTexts();

    /// <summary>The draft (empty when nothing could be read), the type errors, and the fields they are on.</summary>
    public static (SubmissionDraft Draft, IReadOnlyList<FieldError> Errors, IReadOnlySet<string> Refused) Read(JsonElement root)
    {
        var errors = new List<FieldError>();
        var draft = StrictJsonBody.Read<SubmissionDraft>(root, Texts, errors, out var refused);
        return (draft ?? new SubmissionDraft(), errors, refused);
    }

    sealed class SubmissionTexts : JsonBodyTexts
    {
        public override string Unknown(string path, Type owner)
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            return owner == typeof(NomineeDraft) ? $"Trường '{name}' không thuộc thông tin người được đề cử."
                : owner == typeof(CoFundingDraft) ? $"Trường '{name}' không thuộc nguồn kinh phí lồng ghép (sourceId, otherName, amountVnd)."
                : $"Trường '{name}' không thuộc mẫu hồ sơ.";
        }

        public override string WrongType(string path, Type expected) =>
            expected == typeof(NomineeDraft) ? "Mỗi người được đề cử gồm họ tên (name), cơ quan, đơn vị (organisation) và chức vụ (position)."
            : expected == typeof(CoFundingDraft) ? "Mỗi nguồn kinh phí lồng ghép gồm nguồn (sourceId), tên nguồn khác (otherName, khi chọn “khac”) và số tiền (amountVnd)."
            : path is F.Nominees or F.CoFunding ? $"{F.Label(path)} phải là một danh sách."
            : expected == typeof(long) || expected == typeof(long?) ? $"{F.Label(path)} phải là một số (đồng), không đặt trong dấu ngoặc kép."
            : expected == typeof(int) || expected == typeof(int?) ? $"{F.Label(path)} phải là một số, không đặt trong dấu ngoặc kép."
            : $"{F.Label(path)} phải là chuỗi ký tự.";

        /// <summary>
        /// A whole number too large for the field (99999999999999999999, 1e400) is out of range, as the rule on the amount
        /// says; a fraction is no whole number of đồng.
        /// </summary>
        public override FieldError Unrepresentable(string path, Type expected, JsonElement value)
        {
            var negative = value.GetRawText().TrimStart().StartsWith('-');
            if (path is F.Employees or F.DurationMonths)
            {
                return value.TryGetDouble(out var count) && Math.Abs(count) < int.MaxValue
                    ? new(path, ErrorCodes.WrongType, $"{F.Label(path)} phải là số nguyên.")
                    : new(path, ErrorCodes.OutOfRange, $"{F.Label(path)} {(negative ? "không được âm" : "quá lớn")}.");
            }

            var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
            return value.TryGetDouble(out var number) && Math.Abs(number) < long.MaxValue
                ? new(path, ErrorCodes.WrongType, $"{F.Label(path)} phải là số nguyên (đồng), không có phần thập phân.")
                : negative
                    ? new(path, ErrorCodes.OutOfRange, path == F.OwnContributionVnd ? $"{F.Label(path)} không được âm." : "Kinh phí đề nghị hỗ trợ phải lớn hơn 0 đồng.")
                    : new(path, ErrorCodes.OutOfRange,
                        $"{F.Label(path)} không được vượt quá {SubmissionValidator.AbsoluteMaximumVnd.ToString("N0", vi)} đồng.");
        }
    }
}
