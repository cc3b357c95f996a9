using NsclWorkflows.Domain.Activities;

namespace NsclWorkflows.Api.Activities;

/// <summary>Names (camelCase, as the API writes them) and Vietnamese labels of activity states and output kinds.</summary>
public static class ActivityText
{
    public static string KindName(ActivityOutputKind kind) => ActivityOutputKinds.Name(kind);

    public static bool TryParseKind(string name, out ActivityOutputKind kind) => ActivityOutputKinds.TryParse(name, out kind);

    public static string Kind(ActivityOutputKind kind) => kind switch
    {
        ActivityOutputKind.ClassesHeld => "Lớp, hội thảo, tập huấn đã tổ chức",
        ActivityOutputKind.Participants => "Lượt người tham dự",
        ActivityOutputKind.ParticipantOrganisations => "Doanh nghiệp, cơ quan có người tham dự",
        ActivityOutputKind.ArticlesAndBroadcasts => "Tin, bài, phóng sự, chuyên mục, pano",
        ActivityOutputKind.EnterprisesSurveyed => "Doanh nghiệp được khảo sát",
        ActivityOutputKind.BodiesSupported => "Tổ chức chứng nhận, thử nghiệm được hỗ trợ",
        ActivityOutputKind.CouncilsHeld => "Hội đồng đã tổ chức",
        ActivityOutputKind.ConferencesHeld => "Hội nghị sơ kết, tổng kết đã tổ chức",
        _ => kind.ToString(),
    };

    public static string State(ActivityState state) => state switch
    {
        ActivityState.Planned => "Đã lập kế hoạch",
        ActivityState.InProgress => "Đang thực hiện",
        ActivityState.ResultDue => "Chờ báo cáo kết quả",
        ActivityState.Closed => "Đã kết thúc",
        ActivityState.Cancelled => "Đã hủy",
        _ => state.ToString(),
    };
}
